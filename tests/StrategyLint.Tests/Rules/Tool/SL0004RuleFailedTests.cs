using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using StrategyLint.Analysis;
using StrategyLint.Configuration;
using StrategyLint.Linting;
using StrategyLint.Rules.Structure;
using StrategyLint.Syntax;

namespace StrategyLint.Tests.Rules.Tool;

public sealed class SL0004RuleFailedTests
{
    private sealed class ThrowingRule : StrategyRule
    {
        public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create("SL9901", "Throws", "Never", RuleCategories.Structure, DiagnosticSeverity.Warning, "A rule that throws on every section.");

        public int Calls { get; private set; }

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

        public override void Initialize(StrategyAnalysisContext context) => context.RegisterBlockAction(_ =>
        {
            Calls++;
            throw new InvalidOperationException("boom in a paragraph");
        }, BlockKind.Paragraph);
    }

    private sealed class UndeclaredDescriptorRule : StrategyRule
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [SL1003EmptySection.Rule];

        public override void Initialize(StrategyAnalysisContext context) =>
            context.RegisterDocumentAction(c => c.ReportMissing(SL1001MissingTitle.Rule));
    }

    private static IReadOnlyList<Finding> Lint(StrategyRule rule, string text)
    {
        var catalog = new RuleCatalog([rule, new SL0004RuleFailedHolder(), new SL1004DuplicateSiblingHeading()]);
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        return new StrategyLinter(catalog, LintConfig.Default(Environment.CurrentDirectory)).LintFile(new InputFile("draft.md", null, () => bytes)).Findings;
    }

    [Fact]
    public void ThrowingRule_BecomesOneFindingNamingTheRule_AndOtherRulesStillRun()
    {
        var rule = new ThrowingRule();
        var findings = Lint(rule, "# S\n\nFirst paragraph.\n\nSecond paragraph.\n\n## A\n\nx\n\n## A\n\ny\n");

        var failure = Assert.Single(findings, f => f.Id == "SL0004");
        Assert.Contains("SL9901", failure.Message);
        Assert.Contains("InvalidOperationException", failure.Message);
        Assert.Contains("boom in a paragraph", failure.Message);
        Assert.Equal(1, rule.Calls);
        Assert.Contains(findings, f => f.Id == "SL1004");
    }

    [Fact]
    public void ReportingAnUndeclaredDescriptor_IsAFailure()
    {
        var findings = Lint(new UndeclaredDescriptorRule(), "## No title\n");

        var failure = Assert.Single(findings, f => f.Id == "SL0004");
        Assert.Contains("not among its SupportedDiagnostics", failure.Message);
        Assert.DoesNotContain(findings, f => f.Id == "SL1001");
    }

    /// <summary>SL0004 must be in the catalog for its severity to resolve; the built-in class is internal to the rules.</summary>
    private sealed class SL0004RuleFailedHolder : StrategyRule
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [StrategyLint.Rules.Tool.SL0004RuleFailed.Rule];

        public override void Initialize(StrategyAnalysisContext context)
        {
        }
    }
}
