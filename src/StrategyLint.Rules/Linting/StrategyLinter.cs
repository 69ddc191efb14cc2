using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using StrategyLint.Analysis;
using StrategyLint.Configuration;
using StrategyLint.IO;
using StrategyLint.Profiles;
using StrategyLint.Rules.Tool;
using StrategyLint.Syntax;
using YamlDotNet.RepresentationModel;

namespace StrategyLint.Linting;

/// <summary>The one entry point the CLI uses: lints files in parallel, one document alive per worker.</summary>
internal sealed class StrategyLinter
{
    // The catalog may still be loading on another thread when linting starts (see Program.cs): documents are read
    // and parsed first, and only running the rules waits for it.
    private readonly Lazy<(RuleCatalog Catalog, RuleRunner Runner, EditorConfigSeverities EditorConfig)> _engine;
    private readonly LintConfig _config;

    private readonly string? _profileFlag;
    private readonly string? _fallbackProfile;

    // profileFlag: the --profile value, which beats every other source of a document's profile.
    // fallbackProfile: used instead of detection when nothing else names a profile (the evaluation's rule).
    public StrategyLinter(RuleCatalog catalog, LintConfig config, string? profileFlag = null, string? fallbackProfile = null)
        : this(new Lazy<RuleCatalog>(catalog), config, profileFlag, fallbackProfile)
    {
    }

    public StrategyLinter(Lazy<RuleCatalog> catalog, LintConfig config, string? profileFlag = null, string? fallbackProfile = null)
    {
        _profileFlag = profileFlag;
        _fallbackProfile = fallbackProfile;
        _config = config;
        // Captured here: the engine may be built on a worker thread, and .editorconfig discovery stops at this policy's root.
        var policy = ReadPolicy.CurrentOr(config.BaseDirectory);
        _engine = new(() => (catalog.Value, new RuleRunner(catalog.Value), new EditorConfigSeverities(catalog.Value, policy)));
    }

    private RuleCatalog Catalog => _engine.Value.Catalog;

    /// <summary>Called after each file with (files done, files in all), from worker threads.</summary>
    public Action<int, int>? Progress { get; init; }

    public LintResult Lint(IReadOnlyList<InputFile> files, CancellationToken cancellationToken = default)
    {
        var results = new FileResult[files.Count];
        var done = 0;
        if (files.Count == 1)
        {
            // One file: no worker threads to start.
            results[0] = LintFile(files[0], cancellationToken);
            Progress?.Invoke(1, 1);
        }
        else
        {
            Parallel.For(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken },
                i =>
                {
                    results[i] = LintFile(files[i], cancellationToken);
                    Progress?.Invoke(Interlocked.Increment(ref done), files.Count);
                });
        }
        // Problems in .editorconfig files become SL0001 once per file per run, not once per draft they apply to.
        return new LintResult(_engine.Value.EditorConfig.AddProblemResults(results, files, _config.SeverityOf(SL0001InvalidConfiguration.Rule))) { Catalog = Catalog };
    }

    public FileResult LintFile(InputFile file, CancellationToken cancellationToken = default)
    {
        // Read through SafeFileReader: links, FIFOs and devices are refused, and the size limit holds before reading.
        var limit = _config.MaxFileSizeMB * 1024L * 1024L;
        var read = file.Read(limit);
        if (read.Problem is { Kind: ReadProblemKind.TooLarge } tooLarge)
            return Skip(file, SL0005DocumentBeyondLimits.Rule, $"is {tooLarge.Size / (1024.0 * 1024.0):0.#} MB, more than the limit of {_config.MaxFileSizeMB} MB (limits.maxFileSizeMB in strategylint.json).", tooLarge.Head ?? []);
        if (read.Problem is { } problem)
            return Unreadable(file, problem.Reason);
        var bytes = read.Bytes!;

        var decoded = SourceDecoder.Decode(bytes);
        if (!decoded.Succeeded)
            return Skip(file, SL0002UnreadableFile.Rule, decoded.Problem!, bytes);

        if (NestingDepth(decoded.Text!, _config.MaxNestingDepth) is { } deep)
            return Skip(file, SL0005DocumentBeyondLimits.Rule, $"nests block quotes or lists {deep.Depth} levels deep on line {deep.Line}, more than the limit of {_config.MaxNestingDepth} (limits.maxNestingDepth in strategylint.json).", bytes);

        if (InlineMarkupCost.Check(decoded.Text!) is { } costly)
            return Skip(file, SL0005DocumentBeyondLimits.Rule, costly.Describe(), bytes);

        // A document's model takes about 25 bytes of memory per byte of text: large drafts are analysed one at a
        // time, so two workers never hold two of them (peak memory stays that of the largest draft, not the sum).
        var large = bytes.LongLength > LargeFileBytes;
        if (large)
            _largeFileGate.Wait(cancellationToken);
        try
        {
            return Analyse(file, bytes, decoded, cancellationToken);
        }
        catch (RuleBudgetExceededException ex)
        {
            return Skip(file, SL0005DocumentBeyondLimits.Rule, $"took its rules more than {ex.Budget.TotalSeconds:0.#} s, its time limit ({_config.TimeoutSecondsPerFile} s a MB: limits.timeoutSecondsPerFile in strategylint.json), so they were stopped and none of its findings are reported.", bytes);
        }
        catch (Exception ex) when (ex is not (OutOfMemoryException or OperationCanceledException))
        {
            // The parser refuses some inputs (Markdig's own depth limit for emphasis and link bombs); one file must never stop the run.
            return Skip(file, SL0005DocumentBeyondLimits.Rule, $"could not be analysed: {ex.Message.TrimEnd('.')}.", bytes);
        }
        finally
        {
            if (large)
                _largeFileGate.Release();
        }
    }

    /// <summary>Drafts above this size are analysed one at a time (see docs/performance.md, memory).</summary>
    internal const long LargeFileBytes = 2 * 1024 * 1024;

    private readonly SemaphoreSlim _largeFileGate = new(1, 1);

    private FileResult Analyse(InputFile file, byte[] bytes, DecodeResult decoded, CancellationToken cancellationToken)
    {
        var document = StrategyParser.Parse(file.DisplayPath, decoded.Text!);
        var findings = new List<Finding>();
        var overrides = ReadDocumentSettings(document, findings);
        var profile = ProfileResolver.Resolve(document, file.FullPath, _profileFlag, _config, _fallbackProfile);
        var checkedIds = new HashSet<string>(StringComparer.Ordinal);
        var editorConfigSeverities = _engine.Value.EditorConfig.For(file);
        var limits = new RunLimits(_config.MaxFindingsPerRule, TimeBudget(_config.TimeoutSecondsPerFile, bytes.LongLength) + HostedAllowance);
        var unreadable = new HashSet<string>(StringComparer.Ordinal);
        findings.AddRange(_engine.Value.Runner.Run(document, profile.Name, d => _config.SeverityOf(d, overrides, editorConfigSeverities), cancellationToken, checkedIds, limits, unreadable: unreadable));
        if (unreadable.Count > 0)
            AddLanguageNotice(document, findings, unreadable.Count, _config.SeverityOf(SL0006LanguageNotSupported.Rule, overrides, editorConfigSeverities));
        findings.Sort(Finding.Compare);
        findings = InlineSuppressions.Apply(document, findings, Catalog, _config.RequireSuppressionReason, _config.SeverityOf(SL0003InvalidSuppression.Rule, overrides, editorConfigSeverities));
        // GitHub hashes the bytes read as UTF-8; for BOM-less UTF-8 that is exactly the decoded text.
        var hashes = decoded.Format!.Encoding is UTF8Encoding && !decoded.Format.HasBom
            ? LineHasher.ForLines(decoded.Text!, LinesOf(findings))
            : LineHasher.ForLines(bytes, LinesOf(findings));
        return new FileResult(file, WithHashes(findings, hashes), decoded.Format, Skipped: false, profile)
        {
            CheckedRules = checkedIds,
            ContentHash = findings.Any(f => f.Fix is not null) ? System.Security.Cryptography.SHA256.HashData(bytes) : null,
            Language = document.Language,
            NotChecked = unreadable.ToDictionary(id => id, _ => Languages.LanguageSupport.NotCheckedReason(document.Language), StringComparer.Ordinal),
        };
    }

    /// <summary>
    /// SL0006: one notice for a draft whose language the domain rules cannot read, instead of a "missing" finding per
    /// rule. On the front matter's 'language' when it named the language, else where "missing" findings go.
    /// </summary>
    private static void AddLanguageNotice(StrategyDocument document, List<Finding> findings, int skipped, RuleSeverity severity)
    {
        if (severity == RuleSeverity.Off)
            return;
        var language = document.Language;
        var span = language.Source == DocumentLanguage.FromFrontMatter && document.FrontMatter.Nodes.TryGetValue("language", out var node)
            ? SpanOf(document, document.FrontMatter, node)
            : document.AnchorSpan;
        var message = $"This draft reads as {language.Name}: {language.Reason}. StrategyLint's domain rules cannot read {language.Name}: "
            + $"they have vocabulary for {Languages.LanguageProfile.SupportedNames} only. So {skipped} focus-area, clause, action-plan and other domain checks were skipped "
            + "rather than reported missing, and the coverage matrix shows them as not checked; the structure rules still ran. "
            + "If the language is wrong, name it in the front matter, for example 'language: en', 'language: fr' or 'language: es'.";
        findings.Add(new Finding(SL0006LanguageNotSupported.Rule, document.Path, span, document.GetLinePositionSpan(span), RuleRunner.OneLine(message), severity));
    }

    /// <summary>
    /// The time the rules may take on a file: <c>limits.timeoutSecondsPerFile</c> for a file up to 1 MB, and as much
    /// again for each further MB, since honest work grows with the text; only super-linear work reaches it.
    /// </summary>
    internal static TimeSpan TimeBudget(int secondsPerFile, long bytes) =>
        TimeSpan.FromSeconds(secondsPerFile * Math.Max(1.0, bytes / (1024.0 * 1024.0)));

    /// <summary>
    /// C# rules are bounded by their own limit in the rule host, on top of the file's budget for the other rules:
    /// the sum of their limits, the same for every file of the run.
    /// </summary>
    private TimeSpan HostedAllowance => _hostedAllowance ??= TimeSpan.FromTicks(Catalog.Rules.OfType<CodeRules.HostedCodeRule>().Sum(r => r.Limit.Ticks));

    private TimeSpan? _hostedAllowance;

    private static HashSet<int> LinesOf(IEnumerable<Finding> findings) => [.. findings.Select(f => f.Line)];

    private static List<Finding> WithHashes(IEnumerable<Finding> findings, Dictionary<int, string> hashes) =>
        [.. findings.Select(f => hashes.TryGetValue(f.Line, out var hash) ? f with { LineHash = hash } : f)];

    /// <summary>A file skipped with one diagnostic (SL0002, SL0005), fingerprinted from its bytes as GitHub would.</summary>
    private FileResult Skip(InputFile file, DiagnosticDescriptor descriptor, string problem, byte[] bytes)
    {
        var skipped = Unreadable(file, problem, descriptor);
        return skipped with { Findings = WithHashes(skipped.Findings, LineHasher.ForLines(bytes, LinesOf(skipped.Findings))) };
    }

    /// <summary>
    /// The deepest container nesting of any line, when it passes the limit: '>' quote markers and list markers at
    /// the start of a line, and indentation (two columns a level). Checked before parsing, because the parser's
    /// time and stack grow with nesting; a cheap scan of each line's prefix bounds it.
    /// </summary>
    internal static (int Depth, int Line)? NestingDepth(string text, int limit)
    {
        var line = 1;
        var i = 0;
        while (i < text.Length)
        {
            var depth = 0;
            var spaces = 0;
            while (i < text.Length && text[i] is not ('\n' or '\r'))
            {
                var c = text[i];
                if (c == ' ') { spaces++; i++; continue; }
                if (c == '\t') { spaces += 4; i++; continue; }
                // A marker's own following space is part of the marker, not indentation.
                if (c == '>') { depth++; i += i + 1 < text.Length && text[i + 1] == ' ' ? 2 : 1; continue; }
                if (c is '-' or '*' or '+' && i + 1 < text.Length && text[i + 1] is ' ' or '\t') { depth++; i += 2; continue; }
                break;
            }
            depth += spaces / 2;
            if (depth > limit)
                return (depth, line);
            while (i < text.Length && text[i] is not ('\n' or '\r'))
                i++;
            if (i < text.Length && text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                i++;
            i++;
            line++;
        }
        return null;
    }

    private FileResult Unreadable(InputFile file, string problem, DiagnosticDescriptor? which = null)
    {
        var descriptor = which ?? SL0002UnreadableFile.Rule;
        var severity = _config.SeverityOf(descriptor);
        var findings = new List<Finding>();
        if (severity != RuleSeverity.Off)
        {
            var message = string.Format(CultureInfo.InvariantCulture, descriptor.MessageFormat.ToString(CultureInfo.InvariantCulture), problem);
            findings.Add(new Finding(descriptor, file.DisplayPath, default, default, message, severity));
        }
        return new FileResult(file, findings, null, Skipped: true);
    }

    /// <summary>Front matter errors and the per-document <c>strategylint:</c> severities (same shape as the config's rules).</summary>
    private Dictionary<string, RuleSeverity>? ReadDocumentSettings(StrategyDocument document, List<Finding> findings)
    {
        var frontMatter = document.FrontMatter;
        if (frontMatter.Error is not null)
            AddConfigFinding(document, findings, frontMatter.ErrorSpan, frontMatter.Error);
        if (frontMatter.Type is { } type && !StrategyProfiles.IsKnown(type) && frontMatter.Nodes.TryGetValue("type", out var typeNode))
            AddConfigFinding(document, findings, SpanOf(document, frontMatter, typeNode), $"'{type}' in the front matter 'type' is not a profile StrategyLint knows, so the profile is guessed from the title and text. Use one of: {string.Join(", ", StrategyProfiles.All)}.");
        if (frontMatter.Settings is null)
            return null;

        var overrides = new Dictionary<string, RuleSeverity>(StringComparer.OrdinalIgnoreCase);
        foreach (var (keyNode, valueNode) in frontMatter.Settings.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            var keySpan = SpanOf(document, frontMatter, keyNode);
            if (Catalog.Find(key) is null && !Catalog.IsCategory(key))
            {
                AddConfigFinding(document, findings, keySpan, $"'{key}' under 'strategylint:' in the front matter is not a rule id or category StrategyLint knows. Run 'strategylint rules' to list them.");
                continue;
            }
            var value = valueNode switch
            {
                YamlScalarNode scalar => scalar.Value,
                YamlMappingNode map when map.Children.TryGetValue(new YamlScalarNode("severity"), out var s) => (s as YamlScalarNode)?.Value,
                _ => null,
            };
            if (RuleSeverityExtensions.TryParse(value, out var severity))
                overrides[key] = severity;
            else
                AddConfigFinding(document, findings, SpanOf(document, frontMatter, valueNode), $"'{value}' is not a severity for {key} in the front matter. Use one of: error, warning, info, off.");
        }
        return overrides;
    }

    private static TextSpan SpanOf(StrategyDocument document, FrontMatter frontMatter, YamlNode node)
    {
        // YamlDotNet marks are relative to the YAML text, which starts on the line after the opening fence.
        var lines = document.SourceText.Lines;
        var fenceLine = lines.GetLineFromPosition(frontMatter.Span.Start).LineNumber;
        var lineNumber = Math.Min(lines.Count - 1, fenceLine + (int)node.Start.Line);
        var line = lines[lineNumber];
        var start = Math.Min(line.End, line.Start + (int)node.Start.Column - 1);
        var end = node.End.Line == node.Start.Line ? Math.Min(line.End, line.Start + (int)node.End.Column - 1) : line.End;
        return TextSpan.FromBounds(start, Math.Max(start, end));
    }

    private void AddConfigFinding(StrategyDocument document, List<Finding> findings, TextSpan span, string message)
    {
        var descriptor = SL0001InvalidConfiguration.Rule;
        var severity = _config.SeverityOf(descriptor);
        if (severity != RuleSeverity.Off)
            findings.Add(new Finding(descriptor, document.Path, span, document.GetLinePositionSpan(span), message, severity));
    }
}
