using StrategyLint.Analysis;
using StrategyLint.Packs;
using StrategyLint.Packs.Kinds;
using StrategyLint.Syntax;

namespace StrategyLint.Languages;

/// <summary>
/// Which rules cannot run on a document whose language has no vocabulary (a German draft): the rules that judge a
/// draft's content by its words. On such a draft they would report every topic "missing", because they cannot read
/// it; instead they are skipped, the coverage matrix shows their cells as not checked, and SL0006 says so once.
/// <list type="bullet">
/// <item>Pack rules of the kinds that look for terms to say something is covered: require-topic, require-clause,
/// co-occurrence and static-list. A pack rule that lists terms for the document's language runs all the same (a
/// house pack may carry German terms). forbid-phrase rules run: they only report a phrase that is there.</item>
/// <item>The built-in C# rules of the domain categories (focus areas, clauses, assistance, principles): SL2010,
/// SL3004, SL3006, SL3007 today, and any added to those categories later.</item>
/// </list>
/// Structure rules (SL1xxx), tool diagnostics and users' own C# rules always run.
/// </summary>
internal static class LanguageSupport
{
    private static readonly HashSet<string> DomainCategories = new(StringComparer.Ordinal)
    {
        RuleCategories.FocusAreas, RuleCategories.Clauses, RuleCategories.Assistance, RuleCategories.Principles,
    };

    /// <summary>The reason a coverage cell shows for a rule skipped this way.</summary>
    public static string NotCheckedReason(DocumentLanguage language) =>
        $"not checked: the domain rules cannot read {language.Name} (they read {LanguageProfile.SupportedNames})";

    /// <summary>True when the rule reads domain vocabulary, so that a language without one stops it.</summary>
    public static bool ReadsVocabulary(StrategyRule rule) => rule switch
    {
        PackRule pack => pack.Kind is RequireTopicKind or RequireClauseKind or CoOccurrenceKind or StaticListKind,
        // Built-in rules live in StrategyLint.Rules.*; users' C# rules (hosted, sandboxed) are theirs to judge.
        _ => rule.GetType().Namespace?.StartsWith("StrategyLint.Rules", StringComparison.Ordinal) == true
            && rule.SupportedDiagnostics.Any(d => DomainCategories.Contains(d.Category)),
    };

    /// <summary>True when the rule must not run on a document in <paramref name="language"/>.</summary>
    public static bool Skips(StrategyRule rule, DocumentLanguage language) =>
        !language.HasDomainVocabulary && ReadsVocabulary(rule) && !(rule is PackRule pack && Declares(pack.Definition, language.Code));

    /// <summary>True when a pack rule lists terms for the language itself (not by falling back to English).</summary>
    internal static bool Declares(PackRuleDefinition definition, string code) =>
        new[] { definition.Headings, definition.Terms, definition.Together, definition.Sections, definition.If, definition.Then }
            .Any(terms => terms.ByLanguage.TryGetValue(code, out var list) && list.Count > 0);
}
