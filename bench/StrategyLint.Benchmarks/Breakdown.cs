using System.Diagnostics;

namespace StrategyLint.Benchmarks;

/// <summary>
/// A Stopwatch profile of one thread: how the time of a sequential lint splits into reading, Markdig, the
/// document model, the engine without rules, and each built-in rule on its own (single-rule catalog minus the
/// empty catalog). Median of several repetitions after a warm-up; allocations from the current thread's counter.
/// </summary>
public static class Breakdown
{
    public static int Run(string[] args)
    {
        var reps = args.Length > 0 && int.TryParse(args[0], out var r) ? r : 5;
        foreach (var corpus in new[] { Corpora.Generated, Corpora.Real })
            RunCorpus(corpus, reps);
        return 0;
    }

    private static void RunCorpus(string corpus, int reps)
    {
        var paths = Corpora.Files(corpus).ToArray();
        var baseDir = Corpora.DirectoryOf(corpus);
        var texts = paths.Select(File.ReadAllText).ToArray();
        var bytes = paths.Sum(p => new FileInfo(p).Length);
        var files = Engine.InputFiles(paths, baseDir);
        Console.WriteLine($"## {corpus}: {paths.Length} files, {bytes / 1e6:F2} MB, median of {reps} runs, one thread");
        Console.WriteLine();
        Console.WriteLine("| Phase | ms | MB/s | allocated MB |");
        Console.WriteLine("| --- | ---: | ---: | ---: |");

        void Row(string name, (double Ms, double AllocMb) m) =>
            Console.WriteLine($"| {name} | {m.Ms:F1} | {bytes / 1e6 / (m.Ms / 1e3):F1} | {m.AllocMb:F1} |");

        Row("read bytes", Measure(reps, () => { foreach (var p in paths) File.ReadAllBytes(p); }));
        Row("Markdig parse", Measure(reps, () => { foreach (var t in texts) Engine.MarkdigParse(t); }));
        Row("model parse (StrategyParser)", Measure(reps, () => { for (var i = 0; i < texts.Length; i++) Engine.ModelParse(paths[i], texts[i]); }));
        Row("model parse + word index", Measure(reps, () => { for (var i = 0; i < texts.Length; i++) Engine.WordIndex(paths[i], texts[i]); }));
        var empty = Engine.Linter(baseDir, Engine.Catalog(_ => false));
        var none = Measure(reps, () => { foreach (var f in files) Engine.LintFile(empty, f); });
        Row("LintFile, no rules", none);
        var full = Engine.Linter(baseDir);
        var findings = 0;
        var all = Measure(reps, () => { findings = 0; foreach (var f in files) findings += Engine.LintFile(full, f); });
        Row($"LintFile, all rules ({findings} findings)", all);
        Console.WriteLine();
        Console.Out.Flush();

        var perRule = new List<(string Rule, double Ms, double AllocMb)>();
        if (corpus != Corpora.Real)
            return; // one rule at a time over 7 MB takes minutes; the real corpus shows the same ranking
        foreach (var rule in Engine.BuiltInRules())
        {
            var one = Engine.Linter(baseDir, Engine.Catalog(r => ReferenceEquals(r, rule)));
            var m = Measure(reps, () => { foreach (var f in files) Engine.LintFile(one, f); });
            var name = $"{rule.SupportedDiagnostics[0].Id} ({rule.GetType().Name})";
            perRule.Add((name, m.Ms - none.Ms, m.AllocMb - none.AllocMb));
        }
        Console.WriteLine($"Per rule, time and allocations over the no-rules run (sum {perRule.Sum(p => p.Ms):F1} ms; all rules together add {all.Ms - none.Ms:F1} ms):");
        Console.WriteLine();
        Console.WriteLine("| Rule | +ms | +allocated MB |");
        Console.WriteLine("| --- | ---: | ---: |");
        foreach (var (rule, ms, alloc) in perRule.OrderByDescending(p => p.Ms).Take(12))
            Console.WriteLine($"| {rule} | {ms:F1} | {alloc:F1} |");
        Console.WriteLine();
    }

    private static (double Ms, double AllocMb) Measure(int reps, Action action)
    {
        action(); // warm-up (JIT, tiering)
        action();
        var times = new double[reps];
        long alloc = 0;
        for (var i = 0; i < reps; i++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var sw = Stopwatch.StartNew();
            action();
            times[i] = sw.Elapsed.TotalMilliseconds;
            alloc = GC.GetAllocatedBytesForCurrentThread() - before;
        }
        Array.Sort(times);
        return (times[reps / 2], alloc / 1e6);
    }
}
