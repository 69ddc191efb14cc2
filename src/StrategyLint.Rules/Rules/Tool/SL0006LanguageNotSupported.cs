using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using StrategyLint.Analysis;

namespace StrategyLint.Rules.Tool;

/// <summary>
/// A draft is in a language the domain rules have no vocabulary for (German, say). They cannot read it, so they do not
/// run on it: one notice per file says so, instead of a "missing" finding for every focus area and clause. Reported by
/// the linter after the rules ran (src/StrategyLint.Rules/Languages/LanguageSupport.cs decides which rules are skipped).
/// </summary>
internal sealed class SL0006LanguageNotSupported : StrategyRule
{
    internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        id: "SL0006",
        title: "The draft's language is not one the domain rules can read",
        messageFormat: "{0}",
        category: RuleCategories.Tool,
        defaultSeverity: DiagnosticSeverity.Info,
        description: "The focus-area, clause, action-plan, technical-assistance and principle rules look for the words a strategy uses to commit to something, and they have those words in English, French and Spanish only. On a draft in another language they would report every topic missing, so they are skipped and the coverage matrix shows them as not checked; the structure rules still run. The language comes from the front matter's 'language' key, else from the text's most frequent words.",
        tags: ["language"]);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    // Reported by the linter when the rules it skipped for the document's language are known; nothing to register.
    public override void Initialize(StrategyAnalysisContext context)
    {
    }
}
