using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using StrategyLint.Analysis;
using StrategyLint.IO;
using StrategyLint.Linting;
using StrategyLint.Rules.Tool;

namespace StrategyLint.Configuration;

/// <summary>
/// Rule severities from <c>.editorconfig</c>, read the way Roslyn reads <c>dotnet_diagnostic.*</c>:
/// <list type="bullet">
/// <item>Discovery: the <c>.editorconfig</c> in the linted file's folder and in each ancestor, up to and including
/// the first with <c>root = true</c>, as editors do, but never above the repository root (the nearest folder holding
/// <c>.git</c>, see <see cref="RepositoryRoot"/>). Each file is read through <see cref="SafeFileReader"/>: a linked
/// or special <c>.editorconfig</c> is an SL0001 problem, not a source of severities.</item>
/// <item>Section matching and precedence are Roslyn's own (<see cref="AnalyzerConfig.Parse(string, string)"/>,
/// <see cref="AnalyzerConfigSet.GetOptionsForSourcePath"/>): a nearer file beats a farther one, a later section
/// beats an earlier one.</item>
/// <item>Keys: <c>strategylint_diagnostic.SL2004.severity</c> and <c>strategylint_diagnostic.category-FocusAreas.severity</c>
/// (Roslyn passes them through as raw analyzer options), and <c>dotnet_diagnostic.SL2004.severity</c> (Roslyn
/// parses those itself). A rule id beats its category; the <c>strategylint_diagnostic</c> form beats the
/// <c>dotnet_diagnostic</c> form of the same id.</item>
/// <item>Values: <c>none</c> and <c>silent</c> (off), <c>suggestion</c> (info), <c>warning</c>, <c>error</c>, and
/// <c>default</c> (the rule's own default, whatever strategylint.json says).</item>
/// </list>
/// Each <c>.editorconfig</c> is read, checked and parsed once per instance (one instance per run), and the set
/// of files that applies is built once per folder, so linting many files in one folder costs one lookup each.
/// The instance is safe to use from the linter's parallel workers. Problems in a file (an unknown rule id or
/// category, an invalid severity, a key outside any section) are kept once per file, with line and column,
/// and become SL0001 findings through <see cref="AddProblemResults"/>.
/// </summary>
internal sealed class EditorConfigSeverities
{
    public const string FileName = ".editorconfig";

    private const string KeyPrefix = "strategylint_diagnostic.";
    private const string DotnetKeyPrefix = "dotnet_diagnostic.";
    private const string CategoryPrefix = "category-";
    private const string KeySuffix = ".severity";

    /// <summary>The values Roslyn accepts for <c>dotnet_diagnostic.*.severity</c>, in the order the messages list them.</summary>
    public static readonly IReadOnlyList<string> SeverityWords = ["none", "silent", "suggestion", "warning", "error", "default"];

    private static readonly StringComparer PathComparer = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    private readonly RuleCatalog _catalog;
    private readonly ConcurrentDictionary<string, Lazy<Folder>> _folders = new(PathComparer);

    private readonly ReadPolicy _policy;

    /// <param name="catalog">The run's rules, to check the ids and categories the files name.</param>
    /// <param name="policy">What may be read (the run's policy when null): discovery stops at its repository root.</param>
    public EditorConfigSeverities(RuleCatalog catalog, ReadPolicy? policy = null)
    {
        _catalog = catalog;
        _policy = policy ?? ReadPolicy.Current;
    }

    /// <summary>
    /// The severities the <c>.editorconfig</c> files give <paramref name="file"/>, by rule id (case-insensitive),
    /// or null when none applies. Standard input has no folder, so no <c>.editorconfig</c> applies to it.
    /// </summary>
    public IReadOnlyDictionary<string, RuleSeverity>? For(InputFile file) => file.FullPath is null ? null : For(file.FullPath);

    /// <inheritdoc cref="For(InputFile)"/>
    public IReadOnlyDictionary<string, RuleSeverity>? For(string fullPath)
    {
        var full = Path.GetFullPath(fullPath);
        var set = FolderOf(Path.GetDirectoryName(full)).Set;
        if (set is null)
            return null;
        AnalyzerConfigOptionsResult options;
        try
        {
            options = set.Configs.GetOptionsForSourcePath(full);
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            // Roslyn's section matching backtracks; under the CLI's default match timeout a glob within SectionGlobs'
            // bounds can still time out on a path thousands of characters long. That file gets no .editorconfig severities.
            lock (set.Own.Problems)
            {
                set.Own.Problems.Add(new EditorConfigProblem(set.Own.Path, string.Empty, 1, 1, 1, "",
                    $"Matching the sections of {FileName} against the path of '{Path.GetFileName(full)}' took too long, so its severities are not applied to that file. Simplify the sections' wildcards."));
            }
            return null;
        }
        // Roslyn hands out the same dictionaries for files that match the same sections, so resolve each pair once.
        return set.Resolved.GetOrAdd((options.AnalyzerOptions, options.TreeOptions), _ => Resolve(options));
    }

    /// <summary>The <c>.editorconfig</c> files that apply to <paramref name="fullPath"/>, farthest first (for --verbose).</summary>
    public IReadOnlyList<string> FilesFor(string fullPath) =>
        FolderOf(Path.GetDirectoryName(Path.GetFullPath(fullPath))).Set?.Paths ?? [];

    /// <summary>Every problem found in the <c>.editorconfig</c> files read so far, each once, by path and position.</summary>
    public IReadOnlyList<EditorConfigProblem> Problems =>
        [.. _folders.Values.Where(f => f.IsValueCreated).Select(f => f.Value.Own).OfType<ParsedFile>()
            .SelectMany(f => f.Problems)
            .OrderBy(p => p.Path, StringComparer.Ordinal).ThenBy(p => p.Line).ThenBy(p => p.Column)];

    /// <summary>
    /// <paramref name="results"/> with one skipped result per <c>.editorconfig</c> that has problems, holding them as
    /// SL0001 findings at <paramref name="severity"/>; all in path order, as the linted files are. Paths are shown
    /// relative to the working folder the linted files' paths are shown from.
    /// </summary>
    public IReadOnlyList<FileResult> AddProblemResults(IReadOnlyList<FileResult> results, IReadOnlyList<InputFile> linted, RuleSeverity severity)
    {
        var problems = Problems;
        if (problems.Count == 0 || severity == RuleSeverity.Off)
            return results;
        var workingFolder = WorkingFolderOf(linted);
        var added = problems.GroupBy(p => p.Path).Select(group =>
        {
            var shown = workingFolder is null ? group.Key.Replace('\\', '/') : InputResolver.DisplayPath(group.Key, workingFolder);
            var text = group.First().Text;
            var findings = group.Select(p => p.ToFinding(shown, severity)).ToList();
            var hashes = LineHasher.ForLines(text, findings.Select(f => f.Line).ToHashSet());
            findings = [.. findings.Select(f => hashes.TryGetValue(f.Line, out var hash) ? f with { LineHash = hash } : f)];
            return new FileResult(new InputFile(shown, null), findings, null, Skipped: true);
        });
        return [.. results.Concat(added).OrderBy(r => r.File.DisplayPath, StringComparer.Ordinal)];
    }

    /// <summary>The folder the linted files' display paths are relative to, or null when none says (all shown in full).</summary>
    private static string? WorkingFolderOf(IReadOnlyList<InputFile> files)
    {
        foreach (var file in files)
        {
            if (file.FullPath is null || Path.IsPathRooted(file.DisplayPath))
                continue;
            var full = file.FullPath.Replace('\\', '/');
            var suffix = "/" + file.DisplayPath;
            if (full.EndsWith(suffix, StringComparison.Ordinal))
                return full[..^suffix.Length] is { Length: > 0 } folder ? folder : "/";
        }
        return null;
    }

    private Folder FolderOf(string? directory)
    {
        if (string.IsNullOrEmpty(directory))
            return Folder.Empty;
        return _folders.GetOrAdd(directory, d => new Lazy<Folder>(() => BuildFolder(d))).Value;
    }

    // A folder's set is its parent's set plus its own .editorconfig; a root = true file starts afresh, and so does the
    // repository root (or any folder holding .git): a pull request controls the checkout, never the folders above it.
    // Folders without one share their parent's set (and its Roslyn cache).
    private Folder BuildFolder(string directory)
    {
        var own = Read(Path.Combine(directory, FileName));
        if (IsRepositoryTop(directory))
            return new Folder(own, own is null ? null : ConfigSet.Create([own]));
        if (own is { IsRoot: true })
            return new Folder(own, ConfigSet.Create([own]));
        var inherited = FolderOf(Path.GetDirectoryName(directory)).Set;
        if (own is null)
            return new Folder(null, inherited);
        return new Folder(own, ConfigSet.Create([.. inherited?.Files ?? [], own]));
    }

    private bool IsRepositoryTop(string directory) =>
        string.Equals(Path.TrimEndingDirectorySeparator(directory), _policy.Root, OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal)
        || RepositoryRoot.HoldsGit(directory);

    private ParsedFile? Read(string path)
    {
        // A link, a FIFO or a device named .editorconfig is reported (SL0001), not read; nothing there is not a problem.
        if (!SafeFileReader.EntryExists(path))
            return null;
        var (text, unreadable) = SafeFileReader.ReadText(path, SafeFileReader.ConfigLimitBytes, _policy);
        if (text is null)
        {
            if (unreadable!.Kind == ReadProblemKind.Missing)
                return null;
            var problem = new EditorConfigProblem(path, string.Empty, 1, 1, 1, "",
                $"The {FileName} file {unreadable.Reason.TrimEnd('.')}, so its severities are not used.");
            return new ParsedFile(path, AnalyzerConfig.Parse(string.Empty, path), IsRoot: false, [problem]);
        }
        var (isRoot, problems, refused) = Check(path, text);
        return new ParsedFile(path, AnalyzerConfig.Parse(SectionGlobs.WithoutLines(text, refused), path), isRoot, problems);
    }

    /// <summary>The effective severities by rule id: a key for the id beats one for its category.</summary>
    private Dictionary<string, RuleSeverity>? Resolve(AnalyzerConfigOptionsResult options)
    {
        var byId = new Dictionary<string, RuleSeverity?>(StringComparer.OrdinalIgnoreCase);
        var byCategory = new Dictionary<string, RuleSeverity?>(StringComparer.OrdinalIgnoreCase);

        foreach (var (id, report) in options.TreeOptions)
        {
            if (_catalog.Find(id) is { } descriptor && TryFromReport(report, out var severity))
                byId[descriptor.Id] = severity;
        }
        // Our own key beats the dotnet_diagnostic one, so it is applied second.
        foreach (var (key, value) in options.AnalyzerOptions)
        {
            if (!TrySplitKey(key, out var middle) || !TryParseSeverity(value, out var severity))
                continue;
            if (middle.StartsWith(CategoryPrefix, StringComparison.OrdinalIgnoreCase))
            {
                var category = middle[CategoryPrefix.Length..];
                if (_catalog.IsCategory(category))
                    byCategory[category] = severity;
            }
            else if (_catalog.Find(middle) is { } descriptor)
            {
                byId[descriptor.Id] = severity;
            }
        }
        if (byId.Count == 0 && byCategory.Count == 0)
            return null;

        // Expanded to ids here, so "default" (null) can become each rule's own default.
        var resolved = new Dictionary<string, RuleSeverity>(StringComparer.OrdinalIgnoreCase);
        foreach (var descriptor in _catalog.Descriptors)
        {
            if (byId.TryGetValue(descriptor.Id, out var severity) || byCategory.TryGetValue(descriptor.Category, out severity))
                resolved[descriptor.Id] = severity ?? RuleSeverityExtensions.FromDefault(descriptor.DefaultSeverity);
        }
        return resolved;
    }

    /// <summary>Roslyn's reading of a <c>dotnet_diagnostic</c> severity; null means <c>default</c>.</summary>
    private static bool TryFromReport(ReportDiagnostic report, out RuleSeverity? severity)
    {
        severity = report switch
        {
            ReportDiagnostic.Suppress or ReportDiagnostic.Hidden => RuleSeverity.Off,
            ReportDiagnostic.Info => RuleSeverity.Info,
            ReportDiagnostic.Warn => RuleSeverity.Warning,
            ReportDiagnostic.Error => RuleSeverity.Error,
            _ => null,
        };
        return severity is not null || report == ReportDiagnostic.Default;
    }

    /// <summary>Reads an .editorconfig severity word; null means <c>default</c> (the rule's own severity).</summary>
    public static bool TryParseSeverity(string? value, out RuleSeverity? severity)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case "none" or "silent": severity = RuleSeverity.Off; return true;
            case "suggestion": severity = RuleSeverity.Info; return true;
            case "warning": severity = RuleSeverity.Warning; return true;
            case "error": severity = RuleSeverity.Error; return true;
            case "default": severity = null; return true;
            default: severity = null; return false;
        }
    }

    /// <summary>"strategylint_diagnostic.SL2004.severity" → "SL2004"; false for any other key.</summary>
    private static bool TrySplitKey(string key, out string middle)
    {
        middle = string.Empty;
        if (!key.StartsWith(KeyPrefix, StringComparison.OrdinalIgnoreCase) || !key.EndsWith(KeySuffix, StringComparison.OrdinalIgnoreCase) || key.Length <= KeyPrefix.Length + KeySuffix.Length)
            return false;
        middle = key[KeyPrefix.Length..^KeySuffix.Length];
        return true;
    }

    /// <summary>
    /// Finds the file's own mistakes in StrategyLint's keys, with their positions (Roslyn's parser keeps none),
    /// and whether it says <c>root = true</c>. Lines are read as the editorconfig format has them: <c>#</c> or
    /// <c>;</c> starts a comment, <c>[…]</c> starts a section, <c>key = value</c> or <c>key : value</c> sets a property.
    /// </summary>
    /// Sections whose glob is beyond <see cref="SectionGlobs"/> are reported, and their lines are returned so the
    /// text given to Roslyn leaves them out (its glob matching backtracks without a time limit).
    private (bool IsRoot, List<EditorConfigProblem> Problems, HashSet<int> RefusedLines) Check(string path, string text)
    {
        var problems = new List<EditorConfigProblem>();
        var refusedLines = new HashSet<int>();
        var inRefusedSection = false;
        var isRoot = false;
        var isGlobal = false;
        var inSection = false;
        var source = SourceText.From(text);
        foreach (var line in source.Lines)
        {
            var content = source.ToString(line.Span);
            var start = 0;
            while (start < content.Length && char.IsWhiteSpace(content[start]))
                start++;
            if (start == content.Length || content[start] is '#' or ';')
                continue;
            if (content[start] == '[')
            {
                inSection = true;
                var refusal = SectionGlobs.Check(content[start..].TrimEnd());
                inRefusedSection = refusal is not null;
                if (refusal is not null)
                {
                    refusedLines.Add(line.LineNumber);
                    problems.Add(new EditorConfigProblem(path, text, line.LineNumber + 1, start + 1, content.Length + 1, "", refusal));
                }
                continue;
            }
            if (inRefusedSection)
            {
                refusedLines.Add(line.LineNumber);
                continue;
            }

            var separator = content.IndexOfAny(['=', ':'], start);
            var key = (separator < 0 ? StripComment(content[start..]) : content[start..separator]).TrimEnd();
            var valueStart = separator + 1;
            while (separator >= 0 && valueStart < content.Length && char.IsWhiteSpace(content[valueStart]))
                valueStart++;
            var value = separator < 0 ? null : StripComment(content[valueStart..]).TrimEnd();

            if (!inSection)
            {
                if (key.Equals("root", StringComparison.OrdinalIgnoreCase) && "true".Equals(value, StringComparison.OrdinalIgnoreCase))
                    isRoot = true;
                if (key.Equals("is_global", StringComparison.OrdinalIgnoreCase) && "true".Equals(value, StringComparison.OrdinalIgnoreCase))
                    isGlobal = true;
            }

            var ours = key.StartsWith(KeyPrefix, StringComparison.OrdinalIgnoreCase);
            var dotnet = key.StartsWith(DotnetKeyPrefix, StringComparison.OrdinalIgnoreCase) && key.EndsWith(KeySuffix, StringComparison.OrdinalIgnoreCase)
                && key.Length > DotnetKeyPrefix.Length + KeySuffix.Length && IsOurIdShape(key[DotnetKeyPrefix.Length..^KeySuffix.Length]);
            if (!ours && !dotnet)
                continue;

            var lineNumber = line.LineNumber + 1;
            void Report(int column, int length, string message) =>
                problems.Add(new EditorConfigProblem(path, text, lineNumber, column + 1, column + 1 + length, key, message));

            if (value is null)
            {
                Report(start, key.Length, $"'{key}' has no value, so it sets nothing. Write it as {key} = warning (or none, suggestion, error).");
                continue;
            }
            if (!inSection && !isGlobal)
            {
                Report(start, key.Length, $"'{key}' is above the first [section], so it applies to no file. Put it under a section such as [*.md].");
                continue;
            }

            var middle = key[(ours ? KeyPrefix.Length : DotnetKeyPrefix.Length)..];
            if (!middle.EndsWith(KeySuffix, StringComparison.OrdinalIgnoreCase) || middle.Length == KeySuffix.Length)
            {
                Report(start, key.Length, $"'{key}' is not a setting StrategyLint reads. Write {KeyPrefix}<rule id>{KeySuffix} or {KeyPrefix}{CategoryPrefix}<category>{KeySuffix}, for example {KeyPrefix}SL2004{KeySuffix} = warning.");
                continue;
            }
            middle = middle[..^KeySuffix.Length];
            var nameColumn = start + (ours ? KeyPrefix.Length : DotnetKeyPrefix.Length);
            string subject;
            if (ours && middle.StartsWith(CategoryPrefix, StringComparison.OrdinalIgnoreCase))
            {
                var category = middle[CategoryPrefix.Length..];
                if (!_catalog.IsCategory(category))
                {
                    Report(nameColumn, middle.Length, $"'{category}' in '{key}' is not a category StrategyLint knows, so the line has no effect. The categories are {string.Join(", ", RuleCategories.All)}.");
                    continue;
                }
                subject = "the " + RuleCategories.All.First(c => c.Equals(category, StringComparison.OrdinalIgnoreCase)) + " category";
            }
            else if (_catalog.Find(middle) is { } descriptor)
            {
                subject = descriptor.Id;
            }
            else
            {
                Report(nameColumn, middle.Length, $"'{middle}' in '{key}' is not a rule id StrategyLint knows, so the line has no effect. Run 'strategylint rules' to list the ids, or use {KeyPrefix}{CategoryPrefix}<category>{KeySuffix} for a whole category.");
                continue;
            }

            if (!TryParseSeverity(value, out _))
            {
                var hint = value.ToLowerInvariant() switch
                {
                    "off" => " To switch the rule off in .editorconfig, write none.",
                    "info" or "note" => " For info, write suggestion.",
                    _ => "",
                };
                Report(valueStart, Math.Max(1, value.Length), $"'{value}' is not a severity for {subject} in {FileName}. Use one of: {string.Join(", ", SeverityWords)}.{hint}");
            }
        }
        return (isRoot, problems, refusedLines);
    }

    private static string StripComment(string value)
    {
        var comment = value.IndexOfAny(['#', ';']);
        return comment < 0 ? value : value[..comment];
    }

    // dotnet_diagnostic is shared with C# analyzers: only ids shaped like ours (SL and four digits) are checked.
    private static bool IsOurIdShape(string id) =>
        id.Length == 6 && id.StartsWith("SL", StringComparison.OrdinalIgnoreCase) && id[2..].All(char.IsAsciiDigit);

    /// <summary>One parsed <c>.editorconfig</c>: Roslyn's model, whether it is a root, and its problems.</summary>
    private sealed record ParsedFile(string Path, AnalyzerConfig Config, bool IsRoot, List<EditorConfigProblem> Problems);

    /// <summary>A folder's own file (null when it has none) and the set that applies to the files in it (null when none).</summary>
    private sealed record Folder(ParsedFile? Own, ConfigSet? Set)
    {
        public static readonly Folder Empty = new(null, null);
    }

    /// <summary>The files that apply to a folder, Roslyn's set over them, and the severities resolved per matching sections.</summary>
    private sealed class ConfigSet
    {
        private ConfigSet(IReadOnlyList<ParsedFile> files)
        {
            Files = files;
            Paths = [.. files.Select(f => f.Path)];
            Configs = AnalyzerConfigSet.Create(files.Select(f => f.Config).ToImmutableArray());
        }

        public static ConfigSet Create(IReadOnlyList<ParsedFile> files) => new(files);

        public IReadOnlyList<ParsedFile> Files { get; }

        /// <summary>The nearest file, where problems found while matching a path are kept.</summary>
        public ParsedFile Own => Files[^1];

        public IReadOnlyList<string> Paths { get; }

        public AnalyzerConfigSet Configs { get; }

        public ConcurrentDictionary<(object, object), Dictionary<string, RuleSeverity>?> Resolved { get; } = new(ReferencePairComparer.Instance);
    }

    private sealed class ReferencePairComparer : IEqualityComparer<(object, object)>
    {
        public static readonly ReferencePairComparer Instance = new();

        public bool Equals((object, object) x, (object, object) y) => ReferenceEquals(x.Item1, y.Item1) && ReferenceEquals(x.Item2, y.Item2);

        public int GetHashCode((object, object) obj) => HashCode.Combine(
            System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj.Item1),
            System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj.Item2));
    }
}

/// <summary>A mistake in an <c>.editorconfig</c> line that sets a StrategyLint severity: 1-based line and columns.</summary>
internal sealed record EditorConfigProblem(string Path, string Text, int Line, int Column, int EndColumn, string Key, string Message)
{
    public Finding ToFinding(string shownPath, RuleSeverity severity)
    {
        var start = new LinePosition(Line - 1, Column - 1);
        var end = new LinePosition(Line - 1, Math.Max(Column, EndColumn) - 1);
        var span = default(TextSpan);
        if (Text.Length > 0)
        {
            var lines = SourceText.From(Text).Lines;
            if (Line - 1 < lines.Count)
            {
                var lineStart = lines[Line - 1].Start;
                span = TextSpan.FromBounds(Math.Min(Text.Length, lineStart + Column - 1), Math.Min(Text.Length, lineStart + EndColumn - 1));
            }
        }
        var properties = new Dictionary<string, string>(StringComparer.Ordinal) { ["editorconfigKey"] = Key };
        return new Finding(SL0001InvalidConfiguration.Rule, shownPath, span, new LinePositionSpan(start, end), Message, severity, properties);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Path}({Line},{Column}): error SL0001: {Message}");
}
