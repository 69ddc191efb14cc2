using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace StrategyLint.Benchmarks;

/// <summary>MB/s: the corpus's size in bytes (10^6 bytes to the MB) divided by the mean time of one operation.</summary>
public sealed class ThroughputColumn : IColumn
{
    private static readonly Dictionary<string, long> Sizes = new();

    public string Id => nameof(ThroughputColumn);
    public string ColumnName => "MB/s";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => "Corpus megabytes (10^6 bytes) processed per second, from the mean";
    public bool IsAvailable(Summary summary) => true;
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var stats = summary[benchmarkCase]?.ResultStatistics;
        if (stats is null || benchmarkCase.Parameters["Corpus"] is not string corpus)
            return "-";
        lock (Sizes)
        {
            if (!Sizes.TryGetValue(corpus, out var bytes))
                Sizes[corpus] = bytes = Corpora.Bytes(corpus);
            return (bytes / 1e6 / (stats.Mean / 1e9)).ToString("F1");
        }
    }
}
