using Microsoft.CodeAnalysis.Text;

namespace StrategyLint.Analysis;

/// <summary>
/// A fix a rule offers with a finding (as ESLint rules do in <c>context.report</c>): text changes over
/// <see cref="Syntax.StrategyDocument.Text"/>, applied by <c>strategylint --fix</c>. Inserted text uses "\n";
/// it is written with the file's own line endings. A fix must make its finding go away, so that a second
/// <c>--fix</c> changes nothing.
/// </summary>
/// <param name="Title">What the fix does, for the diff and the summary ("Add a section on governance").</param>
/// <param name="Changes">Non-overlapping changes; an insertion is a change with an empty span.</param>
public sealed record StrategyFix(string Title, IReadOnlyList<TextChange> Changes);
