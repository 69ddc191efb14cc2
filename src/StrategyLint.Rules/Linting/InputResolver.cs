using Microsoft.Extensions.FileSystemGlobbing;
using Microsoft.Extensions.FileSystemGlobbing.Abstractions;
using StrategyLint.Configuration;

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

    public static (List<InputFile> Files, List<string> Errors) Resolve(IReadOnlyList<string> inputs, string workingDirectory, LintConfig config, Func<byte[]> readStdin, string stdinName)
    {
        var files = new Dictionary<string, InputFile>(StringComparer.Ordinal);
        var errors = new List<string>();
        var excluder = new Matcher(StringComparison.Ordinal);
        excluder.AddIncludePatterns(AlwaysExcluded);
        excluder.AddIncludePatterns(config.Exclude);
        var includer = new Matcher(StringComparison.Ordinal);
        includer.AddIncludePatterns(config.Include);

        bool Excluded(string fullPath) =>
            excluder.Match(config.BaseDirectory, fullPath).HasMatches || excluder.Match(workingDirectory, fullPath).HasMatches;

        foreach (var input in inputs)
        {
            if (input == "-")
            {
                files.TryAdd("-", new InputFile(stdinName, null, readStdin));
                continue;
            }
            var full = Path.GetFullPath(input, workingDirectory);
            if (File.Exists(full))
            {
                // A file named on the command line is linted even if a pattern would exclude it: the user asked for it.
                files.TryAdd(full, new InputFile(DisplayPath(full, workingDirectory), full));
            }
            else if (Directory.Exists(full))
            {
                var found = 0;
                var matcher = new Matcher(StringComparison.Ordinal);
                matcher.AddInclude("**/*.md");
                foreach (var relative in matcher.GetResultsInFullPath(full))
                {
                    var path = Path.GetFullPath(relative);
                    if (Excluded(path) || (!ReferenceEquals(config.Include, LintConfig.DefaultInclude) && !includer.Match(config.BaseDirectory, path).HasMatches))
                        continue;
                    files.TryAdd(path, new InputFile(DisplayPath(path, workingDirectory), path));
                    found++;
                }
                if (found == 0)
                    errors.Add($"The folder '{input}' holds no Markdown (*.md) files to lint.");
            }
            else if (input.IndexOfAny(['*', '?', '[', '{']) >= 0)
            {
                var (root, pattern) = SplitGlob(input, workingDirectory);
                var matcher = new Matcher(StringComparison.Ordinal);
                matcher.AddInclude(pattern);
                var found = 0;
                if (Directory.Exists(root))
                {
                    foreach (var match in matcher.Execute(new DirectoryInfoWrapper(new DirectoryInfo(root))).Files)
                    {
                        var path = Path.GetFullPath(Path.Combine(root, match.Path));
                        if (Excluded(path))
                            continue;
                        files.TryAdd(path, new InputFile(DisplayPath(path, workingDirectory), path));
                        found++;
                    }
                }
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
