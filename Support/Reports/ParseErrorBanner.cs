namespace TradingBot.Acceptance.Support.Reports;

/// <summary>
/// What the html report adds to Cucumber's page: Cucumber's page lists the features that were read and leaves
/// out <c>parseError</c> messages, so a feature file that is not valid Gherkin would be missing without a word.
/// The script shows each one above the report, from the messages the page already holds.
/// </summary>
public static class ParseErrorBanner
{
    public const string Script = """
        (function () {
          var errors = (window.CUCUMBER_MESSAGES || []).filter(function (m) { return m.parseError; });
          if (errors.length === 0) return;
          var banner = document.createElement('section');
          banner.id = 'parse-errors';
          banner.setAttribute('role', 'alert');
          var title = document.createElement('h2');
          title.textContent = errors.length + (errors.length === 1 ? ' problem' : ' problems')
            + ' in feature files that are not valid Gherkin: their scenarios did not run';
          banner.appendChild(title);
          errors.forEach(function (m) {
            var line = document.createElement('pre');
            line.textContent = m.parseError.message;
            banner.appendChild(line);
          });
          document.body.insertBefore(banner, document.getElementById('content'));
        })();
        """;

    public const string Css = """
        #parse-errors { margin: 1em; padding: 0.5em 1em; border: 2px solid #c0392b; border-radius: 4px; background: #fdecea; color: #611a15; }
        #parse-errors h2 { font-size: 1.1em; margin: 0.3em 0; }
        #parse-errors pre { white-space: pre-wrap; margin: 0.3em 0; }
        """;
}
