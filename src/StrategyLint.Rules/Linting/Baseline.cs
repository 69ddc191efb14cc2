using System.Text.Encodings.Web;
using System.Text.Json;
using StrategyLint.Analysis;
using StrategyLint.IO;

namespace StrategyLint.Linting;

/// <summary>One accepted finding: rule, file (relative to the baseline's folder), fingerprint, and the message for people reading the file.</summary>
internal sealed record BaselineEntry(string Id, string File, string? Fingerprint, string Message, int Line);

/// <summary>
/// The findings a team accepted when it adopted StrategyLint (<c>strategylint baseline</c>), so later runs report
/// only new ones. Entries are keyed by rule, file and GitHub's line fingerprint, not by line number: editing
/// lines above a finding moves it but keeps its fingerprint. A finding whose fingerprint changed (its own line
/// was edited) still matches an entry with the same rule, file and message, because a document-level finding
/// ("no gender clause") sits on the title, whose fingerprint changes whenever the opening text does.
/// </summary>
internal sealed class Baseline
{
    public const int FormatVersion = 1;

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private Baseline(string directory, List<BaselineEntry> entries)
    {
        Directory = directory;
        Entries = entries;
    }

    /// <summary>The folder the entries' paths are relative to (the baseline file's folder).</summary>
    public string Directory { get; }

    public IReadOnlyList<BaselineEntry> Entries { get; }

    /// <summary>The reported (not inline-suppressed) findings of a run, as a baseline stored at <paramref name="baselinePath"/>.</summary>
    public static Baseline From(LintResult result, string baselinePath, string workingDirectory)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(baselinePath, workingDirectory))!;
        var entries = result.Files
            .SelectMany(file => file.Reported.Select(f => new BaselineEntry(f.Id, RelativeFile(file, f, directory, workingDirectory), f.LineHash, f.Message, f.Line)))
            .OrderBy(e => e.File, StringComparer.Ordinal).ThenBy(e => e.Line).ThenBy(e => e.Id, StringComparer.Ordinal)
            .ToList();
        return new Baseline(directory, entries);
    }

    public string Serialize() => JsonSerializer.Serialize(new BaselineFile(FormatVersion, $"StrategyLint {ToolVersion}", Entries.Count, [.. Entries]), Json);

    /// <summary>The largest baseline read: about 200,000 findings.</summary>
    public const long MaxBytes = 64L * 1024 * 1024;

    /// <summary>Reads a baseline file; a plain-English problem instead of an exception when it is not one.</summary>
    public static (Baseline? Baseline, string? Problem) Load(string path)
    {
        BaselineFile? file;
        // Committed with the drafts, so as hostile as they are: read through SafeFileReader (no links, no FIFOs, bounded).
        var (text, problem) = SafeFileReader.ReadText(path, MaxBytes);
        if (text is null)
            return (null, problem!.Kind == ReadProblemKind.Missing ? $"The baseline '{path}' cannot be read: there is no file at this path." : $"The baseline '{path}' {problem.Reason}");
        try
        {
            file = JsonSerializer.Deserialize<BaselineFile>(text, Json);
        }
        catch (JsonException ex)
        {
            return (null, $"The baseline '{path}' is not a StrategyLint baseline ({ex.Message}). Write one with 'strategylint baseline PATHS --output {Path.GetFileName(path)}'.");
        }
        if (file is null || file.Version != FormatVersion || file.Findings is null || file.Findings.Any(e => e is null || string.IsNullOrEmpty(e.Id) || string.IsNullOrEmpty(e.File)))
            return (null, $"The baseline '{path}' is not a version {FormatVersion} StrategyLint baseline. Write it again with 'strategylint baseline'.");
        return (new Baseline(Path.GetDirectoryName(Path.GetFullPath(path))!, file.Findings), null);
    }

    /// <summary>
    /// Marks the findings the baseline accepts as suppressed (kind <c>external</c>). Matching is one-to-one, first by
    /// fingerprint, then by message, so a second identical problem added later is still reported.
    /// </summary>
    public (LintResult Result, int Baselined, int Fixed) Apply(LintResult result, string workingDirectory)
    {
        var byFingerprint = new Dictionary<(string, string, string), int>();
        var byMessage = new Dictionary<(string, string, string), int>();
        foreach (var entry in Entries)
        {
            if (entry.Fingerprint is not null)
                Increment(byFingerprint, (entry.Id, entry.File, entry.Fingerprint));
            Increment(byMessage, (entry.Id, entry.File, entry.Message));
        }

        var baselined = 0;
        var pending = new List<(int File, int Index, Finding Finding, string Path)>();
        var files = result.Files.Select(f => f.Findings.ToList()).ToList();
        for (var i = 0; i < result.Files.Count; i++)
        {
            for (var j = 0; j < files[i].Count; j++)
            {
                var finding = files[i][j];
                if (finding.IsSuppressed)
                    continue;
                var path = RelativeFile(result.Files[i], finding, Directory, workingDirectory);
                if (finding.LineHash is { } hash && Take(byFingerprint, (finding.Id, path, hash)))
                {
                    Take(byMessage, (finding.Id, path, finding.Message));
                    files[i][j] = Accepted(finding);
                    baselined++;
                }
                else
                {
                    pending.Add((i, j, finding, path));
                }
            }
        }
        foreach (var (i, j, finding, path) in pending)
        {
            if (Take(byMessage, (finding.Id, path, finding.Message)))
            {
                files[i][j] = Accepted(finding);
                baselined++;
            }
        }

        // Entries of files this run did not lint (another folder of a matrix job) are not "fixed".
        var linted = result.Files.Select(f => RelativeFile(f, null, Directory, workingDirectory)).ToHashSet(StringComparer.Ordinal);
        var inScope = Entries.Count(e => linted.Contains(e.File));
        var updated = new LintResult([.. result.Files.Select((file, i) => file with { Findings = files[i] })]);
        return (updated, baselined, inScope - baselined);
    }

    private static Finding Accepted(Finding finding) =>
        finding with { Suppression = new FindingSuppression(FindingSuppression.External, "In the baseline: accepted when StrategyLint was adopted.") };

    private static void Increment<TKey>(Dictionary<TKey, int> counts, TKey key) where TKey : notnull =>
        counts[key] = counts.GetValueOrDefault(key) + 1;

    private static bool Take<TKey>(Dictionary<TKey, int> counts, TKey key) where TKey : notnull
    {
        if (counts.GetValueOrDefault(key) == 0)
            return false;
        counts[key]--;
        return true;
    }

    /// <summary>The finding's file relative to the baseline's folder, with forward slashes, so the baseline works from any working folder.</summary>
    private static string RelativeFile(FileResult file, Finding? finding, string directory, string workingDirectory)
    {
        var full = file.File.FullPath ?? Path.GetFullPath(finding?.Path ?? file.File.DisplayPath, workingDirectory);
        return Path.GetRelativePath(directory, full).Replace('\\', '/');
    }

    private static string ToolVersion =>
        typeof(Baseline).Assembly.GetName().Version?.ToString(3) ?? "0";

    private sealed record BaselineFile(int Version, string Tool, int Count, List<BaselineEntry> Findings);
}
