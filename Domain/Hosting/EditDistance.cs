namespace TradingBot.Acceptance.Domain.Hosting;

/// <summary>The Levenshtein distance between two keys: how a misspelt setting finds the one it meant.</summary>
public static class EditDistance
{
    public static int Between(string from, string to)
    {
        var previous = Enumerable.Range(0, to.Length + 1).ToArray();
        for (var i = 1; i <= from.Length; i++)
        {
            var current = new int[to.Length + 1];
            current[0] = i;
            for (var j = 1; j <= to.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (from[i - 1] == to[j - 1] ? 0 : 1));
            previous = current;
        }

        return previous[to.Length];
    }
}
