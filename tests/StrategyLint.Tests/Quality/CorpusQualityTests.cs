using StrategyLint.Analysis;
using StrategyLint.Quality;

namespace StrategyLint.Tests.Quality;

/// <summary>
/// The quality bar on the labelled development corpus (../shared/corpus): overall F1 of the flag decisions
/// at least 0.90 and no check below 0.75. Labels are ground truth: a failure here means improve the rules.
/// </summary>
public sealed class CorpusQualityTests
{
    private static readonly Lazy<EvaluationReport> Report = new(() => CorpusEvaluator.Evaluate(TestPaths.SharedFile("corpus"), RuleCatalog.BuiltIn));

    [SharedFact("corpus/labels.json")]
    public void OverallF1IsAtLeast090()
    {
        var overall = Report.Value.Overall;
        Assert.True(overall.F1 >= 0.90, $"overall F1 {overall.F1:0.000}\n{CorpusEvaluator.Format(Report.Value, listDisagreements: true)}");
    }

    [SharedFact("corpus/labels.json")]
    public void NoCheckIsBelow075()
    {
        var weak = Report.Value.Checks.Where(c => c.F1 < 0.75).ToList();
        Assert.True(weak.Count == 0, $"below 0.75: {string.Join(", ", weak.Select(c => $"{c.Name} {c.F1:0.00}"))}\n{CorpusEvaluator.Format(Report.Value, listDisagreements: true)}");
    }

    [SharedFact("corpus/labels.json")]
    public void EveryLabelledDocumentIsScoredOnEveryCheck()
    {
        var report = Report.Value;
        Assert.Equal(18, report.Documents);
        var national = report.Checks.First(c => c.Name == "governance");
        Assert.Equal(11, national.TruePositives + national.FalsePositives + national.FalseNegatives + national.TrueNegatives);
        var clause = report.Checks.First(c => c.Name == "gender");
        Assert.Equal(18, clause.TruePositives + clause.FalsePositives + clause.FalseNegatives + clause.TrueNegatives);
    }
}
