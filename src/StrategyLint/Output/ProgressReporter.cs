using System.Diagnostics;

namespace StrategyLint.Cli.Output;

/// <summary>
/// "Linting 120 of 400 files…" on one rewritten line of standard error, for runs long enough to wonder about.
/// Only on a terminal and never in CI (the CI variable, which GitHub Actions and most CI services set), so logs and
/// redirected output never get carriage-return noise. Updates at most ten times a second.
/// </summary>
internal sealed class ProgressReporter
{
    /// <summary>Below this many files a run is over before progress would help.</summary>
    public const int MinimumFiles = 40;

    private readonly TextWriter _error;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _gate = new();
    private long _lastShown = -1000;
    private bool _shown;

    private ProgressReporter(TextWriter error) => _error = error;

    /// <summary>A reporter, or null when progress must not be shown.</summary>
    public static ProgressReporter? For(CliEnvironment environment, int files) =>
        files >= MinimumFiles && environment.ErrorIsTerminal && environment.Variable("CI") is null && environment.Variable("GITHUB_ACTIONS") is null
            ? new ProgressReporter(environment.Error)
            : null;

    public void Report(int done, int total)
    {
        lock (_gate)
        {
            var now = _clock.ElapsedMilliseconds;
            if (done < total && now - _lastShown < 100)
                return;
            _lastShown = now;
            _shown = true;
            _error.Write($"\rLinting {done} of {total} files…");
        }
    }

    /// <summary>Clears the progress line so the report starts on a clean line.</summary>
    public void Done()
    {
        lock (_gate)
        {
            if (_shown)
                _error.Write("\r" + new string(' ', 40) + "\r");
        }
    }
}
