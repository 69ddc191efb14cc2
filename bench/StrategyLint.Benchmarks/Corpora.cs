using System.Diagnostics;

namespace StrategyLint.Benchmarks;

/// <summary>
/// The documents the benchmarks read, always at run time and never copied into the repository:
/// "real" is ../shared/corpus/*.md; "gen400" is 400 drafts written by ../shared/peers/gen-corpus.mjs (seed 42)
/// into a temporary folder ($STRATEGYLINT_BENCH_GEN, default $TMPDIR/strategylint-bench/gen-400).
/// </summary>
public static class Corpora
{
    public const string Real = "real";
    public const string Generated = "gen400";

    public static string RepoRoot { get; } = FindRepoRoot();
    public static string Shared => Environment.GetEnvironmentVariable("STRATEGYLINT_SHARED") ?? Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));
    public static string GeneratedDir => Environment.GetEnvironmentVariable("STRATEGYLINT_BENCH_GEN")
        ?? Path.Combine(Path.GetTempPath(), "strategylint-bench", "gen-400");

    public static string DirectoryOf(string corpus) => corpus switch
    {
        Real => Path.Combine(Shared, "corpus"),
        Generated => GeneratedDir,
        _ => throw new ArgumentException($"unknown corpus {corpus}"),
    };

    public static IReadOnlyList<string> Files(string corpus)
    {
        var dir = DirectoryOf(corpus);
        if (corpus == Generated)
            EnsureGenerated(dir);
        var files = Directory.GetFiles(dir, "*.md", SearchOption.TopDirectoryOnly);
        Array.Sort(files, StringComparer.Ordinal);
        if (files.Length == 0)
            throw new InvalidOperationException($"no *.md files in {dir}");
        return files;
    }

    public static long Bytes(string corpus) => Files(corpus).Sum(f => new FileInfo(f).Length);

    /// <summary>Writes the generated corpus once (the generator is deterministic, so an existing folder is reused).</summary>
    public static void EnsureGenerated(string dir)
    {
        if (File.Exists(Path.Combine(dir, "expected.json")))
            return;
        Directory.CreateDirectory(dir);
        var generator = Path.Combine(Shared, "peers", "gen-corpus.mjs");
        var start = new ProcessStartInfo("node", [generator, "--out", dir, "--files", "400", "--seed", "42"]) { RedirectStandardOutput = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start node");
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"gen-corpus.mjs exited {process.ExitCode}");
    }

    private static string FindRepoRoot()
    {
        if (Environment.GetEnvironmentVariable("STRATEGYLINT_REPO") is { Length: > 0 } fromEnv)
            return fromEnv;
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "StrategyLint.sln")))
                    return dir.FullName;
            }
        }
        throw new InvalidOperationException("cannot find StrategyLint.sln above the benchmark; set STRATEGYLINT_REPO");
    }
}
