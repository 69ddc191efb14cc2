using System.Text;
using Microsoft.CodeAnalysis.Text;
using StrategyLint.Analysis;
using StrategyLint.Syntax;

namespace StrategyLint.Linting;

/// <summary>The fixes planned for one file: its text before and after, and the bytes to write.</summary>
internal sealed record FilePlan(FileResult File, string Before, string After, byte[] Bytes, IReadOnlyList<Finding> Fixed, IReadOnlyList<Finding> Skipped);

/// <summary>
/// Turns the fixes of a run's findings into new file contents, keeping each file's encoding, byte-order mark and
/// line endings, and writes them atomically. Suppressed and baselined findings are not fixed (the team accepted
/// them). Fixes whose changes overlap an earlier one are left for the next run.
/// </summary>
internal static class FixApplier
{
    public static List<FilePlan> Plan(LintResult result)
    {
        var plans = new List<FilePlan>();
        foreach (var file in result.Files)
        {
            var fixable = file.Reported.Where(f => f.Fix is not null).ToList();
            if (fixable.Count == 0 || file.File.FullPath is null || file.Skipped)
                continue;
            if (PlanFile(file, fixable) is { } plan)
                plans.Add(plan);
        }
        return plans;
    }

    private static FilePlan? PlanFile(FileResult file, List<Finding> fixable)
    {
        var bytes = file.File.ReadAllBytes();
        var decoded = SourceDecoder.Decode(bytes);
        if (!decoded.Succeeded)
            return null;
        var text = SourceDecoder.StripBom(decoded.Text!);
        var newline = decoded.Format!.NewLine;

        var changes = new List<TextChange>();
        var fixedFindings = new List<Finding>();
        var skipped = new List<Finding>();
        var end = -1;
        // In document order; insertions at one point keep rule order. A fix that overlaps one already taken waits.
        foreach (var finding in fixable.OrderBy(f => f.Fix!.Changes.Min(c => c.Span.Start)).ThenBy(f => f.Id, StringComparer.Ordinal))
        {
            var ordered = finding.Fix!.Changes.OrderBy(c => c.Span.Start).ToList();
            if (ordered.Any(c => c.Span.End > text.Length) || ordered[0].Span.Start < end || Overlaps(ordered))
            {
                skipped.Add(finding);
                continue;
            }
            changes.AddRange(ordered.Select(c => new TextChange(c.Span, newline == "\n" ? c.NewText ?? "" : (c.NewText ?? "").Replace("\n", newline, StringComparison.Ordinal))));
            end = Math.Max(end, ordered.Max(c => c.Span.End));
            fixedFindings.Add(finding);
        }
        if (changes.Count == 0)
            return null;

        var after = SourceText.From(text).WithChanges(changes).ToString();
        if (after == text)
            return null;
        return new FilePlan(file, text, after, Encode(after, decoded.Format), fixedFindings, skipped);
    }

    private static bool Overlaps(List<TextChange> ordered)
    {
        for (var i = 1; i < ordered.Count; i++)
        {
            if (ordered[i].Span.Start < ordered[i - 1].Span.End)
                return true;
        }
        return false;
    }

    /// <summary>The text in the file's own encoding, with its byte-order mark if it had one.</summary>
    internal static byte[] Encode(string text, TextFormat format)
    {
        var preamble = !format.HasBom ? [] : format.Encoding is UTF8Encoding ? [0xEF, 0xBB, 0xBF] : format.Encoding.GetPreamble();
        return [.. preamble, .. format.Encoding.GetBytes(text)];
    }

    /// <summary>Writes through a temporary file in the same folder and a rename, so an interrupted run never leaves half a draft.</summary>
    public static void WriteAtomically(string path, byte[] bytes)
    {
        var temporary = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Environment.ProcessId}.strategylint.tmp");
        try
        {
            File.WriteAllBytes(temporary, bytes);
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(temporary, File.GetUnixFileMode(path));
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
                File.Delete(temporary);
        }
    }
}
