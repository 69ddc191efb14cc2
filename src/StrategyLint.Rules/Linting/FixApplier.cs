using System.Security.Cryptography;
using System.Text;
using Microsoft.CodeAnalysis.Text;
using StrategyLint.Analysis;
using StrategyLint.IO;
using StrategyLint.Syntax;

namespace StrategyLint.Linting;

/// <summary>The fixes planned for one file: the bytes they were planned on, its text before and after, and the bytes to write.</summary>
internal sealed record FilePlan(FileResult File, byte[] Original, string Before, string After, byte[] Bytes, IReadOnlyList<Finding> Fixed, IReadOnlyList<Finding> Skipped);

/// <summary>A file --fix left alone, and why (a sentence that reads after the file's name).</summary>
internal sealed record FixProblem(FileResult File, string Problem);

/// <summary>
/// Turns the fixes of a run's findings into new file contents, keeping each file's encoding, byte-order mark and
/// line endings, and writes them atomically. Suppressed and baselined findings are not fixed (the team accepted
/// them). Fixes whose changes overlap an earlier one are left for the next run. A fix is applied only to the bytes
/// it was computed on: a file edited after it was analysed, or again before it is written, is left alone, because
/// offsets into the old text would land in the wrong places of the new one.
/// </summary>
internal static class FixApplier
{
    /// <param name="result">The analysed run.</param>
    /// <param name="problems">Receives the files with fixes that were left alone, and why.</param>
    public static List<FilePlan> Plan(LintResult result, List<FixProblem>? problems = null)
    {
        var plans = new List<FilePlan>();
        foreach (var file in result.Files)
        {
            var fixable = file.Reported.Where(f => f.Fix is not null).ToList();
            if (fixable.Count == 0 || file.File.FullPath is null || file.Skipped)
                continue;
            byte[] bytes;
            try
            {
                bytes = file.File.ReadAllBytes();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                problems?.Add(new FixProblem(file, "it could not be read again to apply the fixes."));
                continue;
            }
            if (file.ContentHash is { } analysed && !SHA256.HashData(bytes).AsSpan().SequenceEqual(analysed))
            {
                problems?.Add(new FixProblem(file, "it changed since it was read; run --fix again."));
                continue;
            }
            if (PlanFile(file, bytes, fixable) is { } plan)
                plans.Add(plan);
        }
        return plans;
    }

    /// <summary>
    /// Writes one plan, only if the file still holds the bytes the fixes were planned on, without following a link,
    /// keeping its permissions. An outcome for every file: a read-only folder skips that file, never the run.
    /// </summary>
    public static FileWriteResult Write(FilePlan plan, FileWriteOptions options) =>
        AtomicFileWriter.ReplaceIfUnchanged(plan.File.File.FullPath!, plan.Original, plan.Bytes, options);

    private static FilePlan? PlanFile(FileResult file, byte[] bytes, List<Finding> fixable)
    {
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
        return new FilePlan(file, bytes, text, after, Encode(after, decoded.Format), fixedFindings, skipped);
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
}
