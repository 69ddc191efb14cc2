using Microsoft.CodeAnalysis;

namespace StrategyLint.Analysis;

/// <summary>Creates descriptors the way every StrategyLint rule declares them: help link to the rule's page, tags as custom tags.</summary>
public static class RuleDescriptors
{
    /// <summary>Where the rule pages are published; a rule's help link is this plus <c>{id}.md</c>.</summary>
    public const string DocsBaseUri = "https://github.com/strategylint/strategylint/blob/main/docs/rules/";

    /// <summary>Declares a rule's descriptor.</summary>
    /// <param name="id">The rule id, e.g. <c>SL1002</c>. Ids are a public contract: never renumber.</param>
    /// <param name="title">A short title, shown in rule lists and as the SARIF short description.</param>
    /// <param name="messageFormat">The message, with <c>{0}</c>-style placeholders; says what is wrong, why, and what would satisfy the rule.</param>
    /// <param name="category">One of <see cref="RuleCategories"/>.</param>
    /// <param name="defaultSeverity">The severity when the config says nothing.</param>
    /// <param name="description">A longer description: the rationale and the framework behind the rule.</param>
    /// <param name="helpUri">The rule's page; defaults to the built-in docs location.</param>
    /// <param name="tags">Free-form tags (SARIF <c>properties.tags</c>).</param>
    public static DiagnosticDescriptor Create(
        string id,
        string title,
        string messageFormat,
        string category,
        DiagnosticSeverity defaultSeverity,
        string description,
        string? helpUri = null,
        params string[] tags)
        => new(id, title, messageFormat, category, defaultSeverity, isEnabledByDefault: true, description, helpUri ?? DocsBaseUri + id + ".md", tags);
}
