namespace TradingBot.Acceptance.UnitTests.Architecture;

/// <summary>
/// Which folder depends on which: an edge for every type of one folder that refers to a type of another,
/// with one such reference kept as the example a failure message names.
/// </summary>
internal sealed class FolderGraph
{
    private readonly SortedDictionary<string, SortedDictionary<string, string>> edges = new(StringComparer.Ordinal);

    public IEnumerable<string> Folders => edges.Keys;

    public void Add(string from, string to, string example)
    {
        if (!edges.TryGetValue(from, out var targets))
            edges[from] = targets = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (!edges.ContainsKey(to))
            edges[to] = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (from != to)
            targets.TryAdd(to, example);
    }

    public IEnumerable<string> DependenciesOf(string folder) => edges.TryGetValue(folder, out var targets) ? targets.Keys : [];

    public string Example(string from, string to) => edges[from][to];

    /// <summary>
    /// The groups of folders that depend on each other in a circle (the strongly connected components of
    /// more than one folder, by Tarjan's algorithm), each sorted, in folder order.
    /// </summary>
    public List<List<string>> Cycles()
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var lowLink = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var cycles = new List<List<string>>();

        void Visit(string folder)
        {
            index[folder] = lowLink[folder] = index.Count;
            stack.Push(folder);
            onStack.Add(folder);
            foreach (var next in DependenciesOf(folder))
            {
                if (!index.TryGetValue(next, out var visited))
                {
                    Visit(next);
                    lowLink[folder] = Math.Min(lowLink[folder], lowLink[next]);
                }
                else if (onStack.Contains(next))
                {
                    lowLink[folder] = Math.Min(lowLink[folder], visited);
                }
            }

            if (lowLink[folder] != index[folder])
                return;
            var component = new List<string>();
            string member;
            do
            {
                member = stack.Pop();
                onStack.Remove(member);
                component.Add(member);
            }
            while (member != folder);
            if (component.Count > 1)
                cycles.Add([.. component.Order(StringComparer.Ordinal)]);
        }

        foreach (var folder in Folders.Where(folder => !index.ContainsKey(folder)).ToList())
            Visit(folder);
        return [.. cycles.OrderBy(cycle => cycle[0], StringComparer.Ordinal)];
    }

    /// <summary>A cycle as its edges inside the group, each with its example reference.</summary>
    public IEnumerable<string> Describe(IReadOnlyList<string> cycle) =>
        cycle.SelectMany(from => DependenciesOf(from).Where(cycle.Contains).Select(to => $"{from} → {to} ({Example(from, to)})"));
}
