using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using StrategyLint.Analysis;
using StrategyLint.Linting;

namespace StrategyLint.Cli.Output;

/// <summary>GitHub's limits on one uploaded SARIF file (../shared/docs/sarif-github.md §A.8).</summary>
/// <param name="MaxResults">Results per run; a run with more is rejected.</param>
/// <param name="MaxGzipBytes">The gzip-compressed file; a larger upload is rejected (413).</param>
internal sealed record SarifLimits(int MaxResults, long MaxGzipBytes)
{
    public static readonly SarifLimits GitHub = new(25_000, 10L * 1024 * 1024);

    public const int MaxNameLength = 255;
    public const int MaxDescriptionLength = 1024;

    /// <summary>GitHub accepts 20 tags per rule but keeps only 10.</summary>
    public const int MaxTags = 10;
}

/// <summary>
/// SARIF 2.1.0 for GitHub code scanning: every property GitHub marks required (and the recommended ones),
/// repository-relative artifact URIs against %SRCROOT%, all four region fields, GitHub's own line-hash
/// fingerprint, <c>automationDetails.id</c> from the category, and the profile per file. Output is kept
/// within GitHub's limits: when it must leave results out it keeps the most severe, says so on standard
/// error and in the run's tool notifications.
/// </summary>
internal sealed partial class SarifFormatter(OutputOptions options) : IResultFormatter
{
    public const string SrcRoot = "%SRCROOT%";
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    public SarifLimits Limits { get; init; } = SarifLimits.GitHub;

    private readonly Dictionary<string, List<string>> _diskHashes = new(StringComparer.Ordinal);

    public void Write(LintResult result, RuleCatalog catalog, TextWriter writer)
    {
        var all = result.Files
            .SelectMany(file => options.Visible(file).Select(finding => new Entry(finding, file)))
            .ToList();
        var outside = all.Where(e => Path.IsPathRooted(e.Finding.Path)).Select(e => e.Finding.Path).Distinct(StringComparer.Ordinal).Count();
        if (outside > 0)
        {
            options.Warnings?.WriteLine(
                $"strategylint: warning: {outside} file(s) lie outside the working folder, so their SARIF locations are absolute file URIs that GitHub code scanning cannot place. Run StrategyLint from the repository root.");
        }

        // Keep the most severe results when there are too many, in their usual order.
        var kept = all.Count <= Limits.MaxResults ? all : Prioritised(all, Limits.MaxResults);
        var bytes = Render(result, catalog, kept, all.Count);
        while (kept.Count > 0 && bytes.Length > Limits.MaxGzipBytes && GzipLength(bytes) is var compressed && compressed > Limits.MaxGzipBytes)
        {
            // Scale down by the overshoot, with a margin, and measure again.
            var target = (int)Math.Min(kept.Count - 1, kept.Count * (Limits.MaxGzipBytes / (double)compressed) * 0.9);
            kept = Prioritised(kept, Math.Max(0, target));
            bytes = Render(result, catalog, kept, all.Count);
        }
        if (kept.Count < all.Count)
            options.Warnings?.WriteLine($"strategylint: warning: {TruncationNote(kept.Count, all.Count)}");

        writer.Write(Escape.Json(System.Text.Encoding.UTF8.GetString(bytes)));
        writer.WriteLine();
    }

    private readonly record struct Entry(Finding Finding, FileResult File);

    private static List<Entry> Prioritised(List<Entry> entries, int count)
    {
        var keep = entries
            .Select((entry, index) => (entry, index))
            .OrderByDescending(x => x.entry.Finding.Severity)
            .ThenBy(x => x.index)
            .Take(count)
            .Select(x => x.index)
            .Order()
            .ToList();
        return [.. keep.Select(i => entries[i])];
    }

    private static string TruncationNote(int kept, int total) =>
        $"the SARIF output holds {kept} of {total} results, the most severe ones, to stay within GitHub's limits (25,000 results per run, 10 MB compressed). Split the run (see the README, 'Large repositories') to upload them all.";

    private static long GzipLength(byte[] bytes)
    {
        using var counter = new MemoryStream();
        using (var gzip = new GZipStream(counter, CompressionLevel.Optimal, leaveOpen: true))
            gzip.Write(bytes);
        return counter.Length;
    }

    private byte[] Render(LintResult result, RuleCatalog catalog, List<Entry> entries, int total)
    {
        var ruleIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var descriptors = catalog.Descriptors;
        for (var i = 0; i < descriptors.Length; i++)
            ruleIndex[descriptors[i].Id] = i;

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", SchemaUri);
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();

            json.WriteStartObject("tool");
            json.WriteStartObject("driver");
            json.WriteString("name", ToolInfo.Name);
            json.WriteString("version", ToolInfo.Version);
            json.WriteString("semanticVersion", ToolInfo.Version);
            json.WriteString("informationUri", ToolInfo.InformationUri);
            json.WriteStartArray("rules");
            foreach (var descriptor in descriptors)
                WriteRule(json, descriptor, catalog.NameOf(descriptor.Id));
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();

            json.WriteStartObject("automationDetails");
            json.WriteString("id", AutomationId(options.Category));
            json.WriteEndObject();

            var rootUri = DirectoryUri(options.WorkingDirectory);
            json.WriteStartArray("invocations");
            json.WriteStartObject();
            json.WriteBoolean("executionSuccessful", true);
            json.WriteStartObject("workingDirectory");
            json.WriteString("uri", rootUri);
            json.WriteEndObject();
            if (entries.Count < total)
            {
                json.WriteStartArray("toolExecutionNotifications");
                json.WriteStartObject();
                json.WriteString("level", "warning");
                json.WriteStartObject("message");
                json.WriteString("text", "The output " + TruncationNote(entries.Count, total)["the SARIF output ".Length..]);
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndArray();
            }
            json.WriteEndObject();
            json.WriteEndArray();

            json.WriteStartObject("originalUriBaseIds");
            json.WriteStartObject(SrcRoot);
            json.WriteString("uri", rootUri);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteString("columnKind", "utf16CodeUnits");

            json.WriteStartArray("results");
            foreach (var entry in entries)
                WriteResult(json, entry, ruleIndex[entry.Finding.Id]);
            json.WriteEndArray();

            // Which profile each file was linted as, and why (product.md §4).
            json.WriteStartObject("properties");
            json.WriteStartArray("profiles");
            foreach (var file in result.Files.Where(f => f.Profile is not null))
            {
                json.WriteStartObject();
                json.WriteString("file", file.File.DisplayPath);
                json.WriteString("profile", file.Profile!.Name);
                json.WriteString("source", file.Profile.Source);
                json.WriteString("reason", file.Profile.Reason);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            // Which language each file was read in, and why.
            json.WriteStartArray("languages");
            foreach (var file in result.Files.Where(f => f.Language is not null))
            {
                json.WriteStartObject();
                json.WriteString("file", file.File.DisplayPath);
                json.WriteString("language", file.Language!.Code);
                json.WriteString("source", file.Language.Source);
                json.WriteString("reason", file.Language.Reason);
                json.WriteBoolean("domainRules", file.Language.HasDomainVocabulary);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            if (entries.Count < total)
            {
                json.WriteNumber("resultsLeftOut", total - entries.Count);
            }
            json.WriteEndObject();

            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    /// <summary>GitHub reads everything up to the last '/' as the category; a trailing '/' leaves the run id empty.</summary>
    internal static string AutomationId(string category)
    {
        var trimmed = category.Trim();
        if (trimmed.Length == 0)
            trimmed = OutputOptions.DefaultCategory;
        return trimmed.EndsWith('/') ? trimmed : trimmed + "/";
    }

    internal static string DirectoryUri(string directory) =>
        FileUri(Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory))) + "/";

    /// <summary>
    /// A <c>file:</c> URI built segment by segment: <c>new Uri(path)</c> would read a '%41' in a folder name as an
    /// escape and point somewhere else.
    /// </summary>
    internal static string FileUri(string fullPath)
    {
        var segments = fullPath.Replace('\\', '/').Split('/');
        var encoded = segments.Select((segment, i) => i == 0 && segment.Length == 2 && segment[1] == ':' ? segment : Uri.EscapeDataString(segment));
        var path = string.Join('/', encoded);
        return "file://" + (path.StartsWith('/') ? path : "/" + path);
    }

    private static void WriteRule(Utf8JsonWriter json, DiagnosticDescriptor descriptor, string name)
    {
        var title = descriptor.Title.ToString();
        var description = descriptor.Description.ToString();
        json.WriteStartObject();
        json.WriteString("id", descriptor.Id);
        json.WriteString("name", Clip(name, SarifLimits.MaxNameLength));
        json.WriteStartObject("shortDescription");
        json.WriteString("text", Clip(title, SarifLimits.MaxDescriptionLength));
        json.WriteEndObject();
        json.WriteStartObject("fullDescription");
        json.WriteString("text", Clip(description, SarifLimits.MaxDescriptionLength));
        json.WriteEndObject();
        // A house rule may have no page: then SARIF says nothing rather than an empty URI. helpUri must be an absolute
        // URI, and a pack's link must not become a javascript: link in code scanning: only http(s) is kept.
        var page = Escape.WebLink(descriptor.HelpLinkUri);
        var hasPage = page is not null;
        if (hasPage)
            json.WriteString("helpUri", page);
        json.WriteStartObject("help");
        json.WriteString("text", hasPage ? $"{description} Rule page: {page}" : description);
        json.WriteString("markdown", HelpMarkdown(descriptor, description));
        json.WriteEndObject();
        json.WriteStartObject("defaultConfiguration");
        json.WriteString("level", RuleSeverityExtensions.FromDefault(descriptor.DefaultSeverity).ToSarifLevel());
        json.WriteEndObject();
        json.WriteStartObject("properties");
        json.WriteString("category", descriptor.Category);
        json.WriteStartArray("tags");
        foreach (var tag in new[] { descriptor.Category }.Concat(descriptor.CustomTags).Distinct(StringComparer.OrdinalIgnoreCase).Take(SarifLimits.MaxTags))
            json.WriteStringValue(tag);
        json.WriteEndArray();
        json.WriteString("precision", PrecisionOf(descriptor));
        json.WriteString("problem.severity", descriptor.DefaultSeverity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            _ => "recommendation",
        });
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>
    /// How often a finding of the rule is right, which GitHub uses to order alerts: structure and tool findings are
    /// mechanical (very high); the domain rules were measured against the labelled corpus (docs/quality.md, high);
    /// the info-level advisories are judgement calls (medium).
    /// </summary>
    internal static string PrecisionOf(DiagnosticDescriptor descriptor) =>
        descriptor.Category is RuleCategories.Tool or RuleCategories.Structure ? "very-high"
        : descriptor.DefaultSeverity == DiagnosticSeverity.Info ? "medium"
        : "high";

    /// <summary>The rule page without its title and generated block (GitHub shows the title; the block's links are repository-relative).</summary>
    private static string HelpMarkdown(DiagnosticDescriptor descriptor, string description)
    {
        var page = RuleDocs.Find(descriptor.Id);
        // A pack's own description is text, not Markdown: code scanning renders this field.
        var body = page is null ? Escape.Markdown(description) : GeneratedBlock().Replace(TitleLine().Replace(page, "", 1), "").Trim();
        return Escape.MarkdownUrl(descriptor.HelpLinkUri) is { } link ? $"{body}\n\n[Rule page]({link})" : body;
    }

    [GeneratedRegex(@"\A#[^\n]*\n")]
    private static partial Regex TitleLine();

    [GeneratedRegex(@"<!-- generated -->.*?<!-- /generated -->", RegexOptions.Singleline)]
    private static partial Regex GeneratedBlock();

    /// <summary>Cuts at the last sentence end that fits, so a long description never breaks mid-word.</summary>
    internal static string Clip(string text, int max)
    {
        if (text.Length <= max)
            return text;
        var cut = text.LastIndexOf(". ", max - 1, StringComparison.Ordinal);
        return cut > max / 2 ? text[..(cut + 1)] : text[..(max - 1)] + "…";
    }

    private void WriteResult(Utf8JsonWriter json, Entry entry, int ruleIndex)
    {
        var finding = entry.Finding;
        json.WriteStartObject();
        json.WriteString("ruleId", finding.Id);
        json.WriteNumber("ruleIndex", ruleIndex);
        json.WriteString("level", finding.Severity.ToSarifLevel());
        json.WriteStartObject("message");
        json.WriteString("text", finding.Message);
        json.WriteEndObject();
        json.WriteStartArray("locations");
        json.WriteStartObject();
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        if (Path.IsPathRooted(finding.Path))
        {
            json.WriteString("uri", FileUri(finding.Path));
        }
        else
        {
            json.WriteString("uri", RelativeUri(finding.Path));
            json.WriteString("uriBaseId", SrcRoot);
        }
        json.WriteEndObject();
        json.WriteStartObject("region");
        json.WriteNumber("startLine", finding.Line);
        json.WriteNumber("startColumn", finding.Column);
        json.WriteNumber("endLine", finding.EndLine);
        json.WriteNumber("endColumn", finding.EndColumn);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();

        if ((finding.LineHash ?? HashFromDisk(finding)) is { } hash)
        {
            json.WriteStartObject("partialFingerprints");
            json.WriteString("primaryLocationLineHash", hash);
            json.WriteEndObject();
        }

        // The spec: when any result says whether it is suppressed, all do (an empty array means "not suppressed").
        if (options.IncludeSuppressed)
        {
            json.WriteStartArray("suppressions");
            if (finding.Suppression is { } suppression)
            {
                json.WriteStartObject();
                json.WriteString("kind", suppression.Kind);
                json.WriteString("status", "accepted");
                if (suppression.Justification is { Length: > 0 } reason)
                    json.WriteString("justification", reason);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }

        json.WriteStartObject("properties");
        if (entry.File.Profile is { } profile)
            json.WriteString("profile", profile.Name);
        if (entry.File.Language is { } language)
            json.WriteString("language", language.Code);
        foreach (var (key, value) in finding.Properties ?? new Dictionary<string, string>())
            json.WriteString(key, value);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>Findings made outside a document (a configuration file's SL0001) are hashed from the file on disk, as GitHub would.</summary>
    private string? HashFromDisk(Finding finding)
    {
        if (!_diskHashes.TryGetValue(finding.Path, out var hashes))
        {
            hashes = [];
            var full = Path.GetFullPath(finding.Path, options.WorkingDirectory);
            // Through SafeFileReader like every read of the tree: a refused file (a link, a FIFO, /dev/zero) gets no
            // fingerprint; upload-sarif computes one itself if it can read the file.
            if (IO.SafeFileReader.EntryExists(full) && IO.SafeFileReader.Read(full, IO.SafeFileReader.ConfigLimitBytes, IO.ReadPolicy.CurrentOr(options.WorkingDirectory)).Bytes is { } bytes)
                hashes = LineHasher.AllLines(bytes);
            _diskHashes[finding.Path] = hashes;
        }
        return finding.Line <= hashes.Count ? hashes[finding.Line - 1] : null;
    }

    /// <summary>Forward slashes, each segment percent-encoded, never a leading slash (SARIF2016).</summary>
    internal static string RelativeUri(string path) =>
        string.Join('/', path.Replace('\\', '/').Split('/').Select(Uri.EscapeDataString));
}
