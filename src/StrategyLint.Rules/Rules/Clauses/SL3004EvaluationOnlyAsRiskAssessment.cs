using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using StrategyLint.Analysis;
using StrategyLint.Packs;
using StrategyLint.Packs.Kinds;
using StrategyLint.Syntax;
using StrategyLint.Text;

namespace StrategyLint.Rules.Clauses;

/// <summary>"Evaluation" appears only as threat or risk assessment, never as evaluation of the strategy itself.</summary>
internal sealed class SL3004EvaluationOnlyAsRiskAssessment : StrategyRule
{
    internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        id: "SL3004",
        title: "Evaluation appears only as threat or risk assessment",
        messageFormat: "'{0}' speaks of evaluation or assessment of threats or risks, and nothing in the draft evaluates the strategy itself. An assessment of the threat is not an evaluation of whether the strategy works (ITU NCS Guide, lifecycle phase V). To satisfy this rule, add how the strategy's own implementation and outcomes are monitored, reported and evaluated.",
        category: RuleCategories.Clauses,
        defaultSeverity: DiagnosticSeverity.Warning,
        description: "Drafts often use 'evaluation', 'assessment' or 'review' only for the threat landscape or for risks. Readers may take that for monitoring and evaluation of the strategy, which it is not. This rule points at the passage when the draft has no evaluation clause (SL3003's vocabulary) but does evaluate threats or risks.",
        tags: ["evaluation", "clause"]);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(StrategyAnalysisContext context) => context.RegisterDocumentAction(Analyze);

    private static void Analyze(DocumentAnalysisContext context)
    {
        var document = context.Document;
        var riskEvaluation = MentionScanner.Find(document, RiskEvaluationTerms(document)).FirstOrDefault(m => !m.Negated && !m.InGlossary);
        if (riskEvaluation is null)
            return;
        if (PackLoader.FindBuiltIn("SL3003") is { } evaluationClause && RequireClauseKind.Evaluate(evaluationClause, document).Covered)
            return;
        context.Report(Rule, riskEvaluation.Sentence, MentionScanner.Quote(document, riskEvaluation.Sentence));
    }

    /// <summary>The wordings of threat and risk assessment, per language: data in rules/clauses/vocabulary/evaluation-as-risk-assessment.json.</summary>
    private static TermSet RiskEvaluationTerms(StrategyDocument document) =>
        Vocabulary.Get("clauses", "evaluation-as-risk-assessment").Terms("riskEvaluation", document);
}
