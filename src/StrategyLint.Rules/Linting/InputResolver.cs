using Microsoft.Extensions.FileSystemGlobbing;
using StrategyLint.Configuration;
using StrategyLint.IO;

namespace StrategyLint.Linting;

/// <summary>
/// Turns the command line's paths into a sorted, de-duplicated list of files:
/// a file is linted as named; a folder means every Markdown file below it that the config includes
/// and does not exclude; a glob is matched from the working folder; "-" is standard input.
/// </summary>
internal static class InputResolver
{
    // Never worth linting, whatever the config says.
    private static readonly string[] AlwaysExcluded = ["**/node_modules/**", "**/.git/**"];

    /// <param name="inputs">The command line's paths.</param>
    /// <param name="workingDirectory">What relative paths start from.</param>
    /// <param name="config">Its include and exclude globs, and its file size limit.</param>
    /// <param name="readStdin">Reads standard input, for "-".</param>
    /// <param name="stdinName">The name shown for standard input.</param>
    /// <param name="policy">
    /// What may be read (the run's policy when null): folder walks never enter a linked folder unless links are followed
    /// and its target stays inside the repository (and then each target once, never one of its own ancestors), and never
    /// list .git. A refused link that the walk's pattern could match below becomes an input of its own, refused with
    /// one diagnostic, so it is reported rather than silently skipped.
    /// </param>
    public static (List<InputFile> Files, List<string> Errors) Resolve(IReadOnlyList<string> inputs, string workingDirectory, LintConfig config, Func<byte[]> readStdin, string stdinName, ReadPolicy? policy = null)
    {
        policy ??= ReadPolicy.CurrentOr(workingDirectory);
        var files = new Dictionary<string, InputFile>(StringComparer.Ordinal);
        var errors = new List<string>();
        var excluder = new Matcher(StringComparison.Ordinal);
        excluder.AddIncludePatterns(AlwaysExcluded);
        excluder.AddIncludePatterns(config.Exclude);
        var includer = new Matcher(StringComparison.Ordinal);
        includer.AddIncludePatterns(config.Include);
        var maxBytes = config.MaxFileSizeMB * 1024L * 1024L;

        bool Excluded(string fullPath) =>
            excluder.Match(config.BaseDirectory, fullPath).HasMatches || excluder.Match(workingDirectory, fullPath).HasMatches;

        // With links followed, one file reached by two paths is linted once, under its own path when that is one of them.
        // A link that may not be followed keeps its own entry, so each is reported.
        bool Add(string fullPath, ReadProblem? refused = null)
        {
            var key = fullPath;
            if (policy.FollowLinks && refused is null && SafeFileReader.Resolve(fullPath, policy) is ({ } real, null))
            {
                key = real;
                if (files.TryGetValue(key, out var other) && !string.Equals(other.FullPath, real, StringComparison.Ordinal) && string.Equals(fullPath, real, StringComparison.Ordinal))
                    files.Remove(key);
            }
            return files.TryAdd(key, new InputFile(DisplayPath(fullPath, workingDirectory), fullPath) { Refused = refused, Policy = policy, MaxBytes = maxBytes });
        }

        // Walks a folder with a pattern; refused links to folders are reported as inputs of their own.
        int Walk(string folder, Matcher matcher, Func<string, bool> keep)
        {
            var (real, problem) = SafeFileReader.Resolve(folder, policy);
            if (problem is not null)
            {
                Add(folder, problem);
                return 1;
            }
            var found = 0;
            var walk = new TreeWalk(policy);
            foreach (var match in matcher.Execute(walk.Start(folder, real!)).Files)
            {
                var path = Path.GetFullPath(Path.Combine(folder, match.Path));
                if (!keep(path))
                    continue;
                Add(path);
                found++;
            }
            foreach (var (link, refused) in walk.Refused)
            {
                // The walk checks a link only when the pattern could match below it; the configuration may still
                // exclude (or not include) what is below, and then the link is not reported either.
                if (!keep(Path.Combine(link, "probe.md")) && !keep(Path.Combine(link, "probe", "probe.md")))
                    continue;
                Add(link, refused);
                found++;
            }
            return found;
        }

        foreach (var input in inputs)
        {
            if (input == "-")
            {
                files.TryAdd("-", new InputFile(stdinName, null, readStdin) { MaxBytes = maxBytes });
                continue;
            }
            var full = Path.GetFullPath(input, workingDirectory);
            if (Directory.Exists(full))
            {
                var matcher = new Matcher(StringComparison.Ordinal);
                matcher.AddInclude("**/*.md");
                var found = Walk(full, matcher, path => !Excluded(path) && (ReferenceEquals(config.Include, LintConfig.DefaultInclude) || includer.Match(config.BaseDirectory, path).HasMatches));
                if (found == 0)
                    errors.Add($"The folder '{input}' holds no Markdown (*.md) files to lint.");
            }
            else if (SafeFileReader.EntryExists(full))
            {
                // A file named on the command line is linted even if a pattern would exclude it: the user asked for it.
                // Whether it may be read (a link, a FIFO, a device) is decided when it is read, with one diagnostic.
                Add(full);
            }
            else if (input.IndexOfAny(['*', '?', '[', '{']) >= 0)
            {
                var (root, pattern) = SplitGlob(input, workingDirectory);
                var matcher = new Matcher(StringComparison.Ordinal);
                matcher.AddInclude(pattern);
                var found = Directory.Exists(root) || SafeFileReader.EntryExists(root) ? Walk(root, matcher, path => !Excluded(path)) : 0;
                if (found == 0)
                    errors.Add($"No files match '{input}'.");
            }
            else
            {
                errors.Add($"'{input}' does not exist. Give a Markdown file, a folder, a glob such as \"drafts/**/*.md\", or - for standard input.");
            }
        }

        var sorted = files.Values.OrderBy(f => f.DisplayPath, StringComparer.Ordinal).ToList();
        return (sorted, errors);
    }

    /// <summary>Relative to the working folder with forward slashes when below it, otherwise the full path.</summary>
    public static string DisplayPath(string fullPath, string workingDirectory)
    {
        var relative = Path.GetRelativePath(workingDirectory, fullPath);
        var shown = relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? fullPath : relative;
        return shown.Replace('\\', '/');
    }

    /// <summary>Splits "drafts/**/*.md" into the folder to search ("drafts") and the pattern ("**/*.md").</summary>
    private static (string Root, string Pattern) SplitGlob(string glob, string workingDirectory)
    {
        var normalized = glob.Replace('\\', '/');
        var segments = normalized.Split('/');
        var literal = 0;
        while (literal < segments.Length - 1 && segments[literal].IndexOfAny(['*', '?', '[', '{']) < 0)
            literal++;
        var prefix = string.Join('/', segments[..literal]);
        var root = prefix.Length == 0 ? workingDirectory : Path.GetFullPath(normalized.StartsWith('/') && prefix.Length == 0 ? "/" : prefix, workingDirectory);
        return (root, string.Join('/', segments[literal..]));
    }
}
