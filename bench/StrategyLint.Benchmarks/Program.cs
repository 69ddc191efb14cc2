using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using StrategyLint.Benchmarks;

// Usage (from the repository root):
//   dotnet run -c Release --project bench/StrategyLint.Benchmarks                 full BenchmarkDotNet run (several minutes)
//   dotnet run -c Release --project bench/StrategyLint.Benchmarks -- --quick      in-process, few iterations (about 1-2 minutes)
//   dotnet run -c Release --project bench/StrategyLint.Benchmarks -- --breakdown  Stopwatch breakdown per phase and per rule
//   dotnet run -c Release --project bench/StrategyLint.Benchmarks -- --lint-loop  lint the generated corpus 8 times, for a profiler
// Other arguments go to BenchmarkDotNet (for example --filter '*Markdig*').

var quick = args.Contains("--quick");
var breakdown = args.Contains("--breakdown");
var rest = args.Where(a => a is not ("--quick" or "--breakdown")).ToArray();

// Resolve the corpora in this process so a child benchmark process finds the same folders.
Environment.SetEnvironmentVariable("STRATEGYLINT_REPO", Corpora.RepoRoot);
Environment.SetEnvironmentVariable("STRATEGYLINT_BENCH_GEN", Corpora.GeneratedDir);
Corpora.EnsureGenerated(Corpora.GeneratedDir);

if (args.Contains("--lint-loop"))
{
    // A sequential lint of the generated corpus, repeated: something steady for a profiler to sample
    // (dotnet-trace collect -- dotnet bench/.../StrategyLint.Benchmarks.dll --lint-loop).
    var paths = Corpora.Files(Corpora.Generated);
    var linter = Engine.Linter(Corpora.GeneratedDir);
    var files = Engine.InputFiles(paths, Corpora.GeneratedDir);
    for (var round = 0; round < 8; round++)
    {
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var n = files.Sum(f => Engine.LintFile(linter, f));
        Console.WriteLine($"round {round}: {sw.ElapsedMilliseconds} ms, {n} findings");
    }
    return 0;
}
if (breakdown)
    return Breakdown.Run(rest);

var job = quick
    ? Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(2).WithIterationCount(6).WithId("quick")
    : Job.Default.WithWarmupCount(3).WithIterationCount(15).WithId("default");
var config = DefaultConfig.Instance
    .AddJob(job)
    .AddColumn(new ThroughputColumn())
    .WithOptions(ConfigOptions.DisableOptimizationsValidator);
BenchmarkRunner.Run(typeof(ParseVersusLint), config, rest);
return 0;
