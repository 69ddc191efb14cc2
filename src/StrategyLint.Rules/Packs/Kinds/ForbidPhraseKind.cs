using Microsoft.CodeAnalysis.Text;
using StrategyLint.Analysis;
using StrategyLint.Syntax;
using StrategyLint.Text;

namespace StrategyLint.Packs.Kinds;

/// <summary>
/// forbid-phrase: every counted occurrence of <c>terms</c> is reported on the phrase itself, with the
/// replacement from <c>replacements</c> (keyed by the phrase as written, lower case, or "*" for any).
/// The replacement travels in the finding's properties so a fix can apply it.
/// </summary>
internal sealed class ForbidPhraseKind : IPackKind
{
    public string Name => "forbid-phrase";

    public void Register(PackRule rule, StrategyAnalysisContext context) => context.RegisterDocumentAction(c =>
    {
        var document = c.Document;
        var exclude = rule.Terms("exclude", rule.Definition.Exclude, document);
        foreach (var mention in MentionScanner.Find(document, rule.Terms("terms", rule.Definition.Terms, document), exclude))
        {
            if (mention.Excluded || mention.InGlossary)
                continue;
            var written = document.Text.Substring(mention.Span.Start, mention.Span.Length);
            var replacement = Replacement(rule, written);
            var detail = replacement is null ? $"The draft says '{written}'." : $"The draft says '{written}': consider '{replacement}'.";
            var properties = rule.Evidence(document, [mention], ("phrase", written));
            // No automatic fix in a heading: "Donor countries" and "Recipient countries" would both become "Partner countries".
            if (replacement is null || mention.InHeading)
            {
                c.Report(rule.Descriptor, mention.Span, properties, rule.Compose(detail));
                continue;
            }
            properties["replacement"] = replacement;
            var fix = new StrategyFix($"Replace '{written}' with '{replacement}'", [new TextChange(mention.Span, replacement)]);
            c.ReportWithFix(rule.Descriptor, mention.Span, fix, properties, rule.Compose(detail));
        }
    });

    private static string? Replacement(PackRule rule, string written)
    {
        var key = StrategyParser.CollapseWhitespace(written).ToLowerInvariant();
        if (!rule.Definition.Replacements.TryGetValue(key, out var replacement) && !rule.Definition.Replacements.TryGetValue("*", out replacement))
            return null;
        // Keep the writer's capitalisation of the first letter.
        return written.Length > 0 && char.IsUpper(written[0]) && replacement.Length > 0 ? char.ToUpperInvariant(replacement[0]) + replacement[1..] : replacement;
    }
}
