using BenchmarkDotNet.Attributes;

namespace StrategyLint.Benchmarks;

/// <summary>
/// Parse-only versus full lint over a whole corpus, single-threaded except <see cref="LintParallel"/>.
/// The MB/s column divides the corpus size (UTF-8 bytes on disk) by the mean time.
/// </summary>
[MemoryDiagnoser]
public class ParseVersusLint
{
    [Params(Corpora.Real, Corpora.Generated)]
    public string Corpus { get; set; } = Corpora.Real;

    private string[] _texts = [];
    private string[] _paths = [];
    private Linting.StrategyLinter _linter = null!;
    private Linting.InputFile[] _files = null!;

    [GlobalSetup]
    public void Setup()
    {
        _paths = [.. Corpora.Files(Corpus)];
        _texts = [.. _paths.Select(File.ReadAllText)];
        var baseDir = Corpora.DirectoryOf(Corpus);
        _linter = Engine.Linter(baseDir);
        _files = Engine.InputFiles(_paths, baseDir);
    }

    /// <summary>Markdig alone, same pipeline as StrategyParser, from text already in memory.</summary>
    [Benchmark(Baseline = true)]
    public int MarkdigParse()
    {
        var blocks = 0;
        foreach (var text in _texts)
            blocks += Engine.MarkdigParse(text).Count;
        return blocks;
    }

    /// <summary>StrategyParser.Parse: Markdig plus section tree, block nodes and prose mask, from text in memory.</summary>
    [Benchmark]
    public int ModelParse()
    {
        var n = 0;
        for (var i = 0; i < _texts.Length; i++)
            n += Engine.ModelParse(_paths[i], _texts[i]) is null ? 0 : 1;
        return n;
    }

    /// <summary>StrategyLinter.LintFile on each file in turn, one thread: read, decode, parse, all rules.</summary>
    [Benchmark]
    public int LintSequential()
    {
        var findings = 0;
        foreach (var file in _files)
            findings += Engine.LintFile(_linter, file);
        return findings;
    }

    /// <summary>StrategyLinter.Lint over all files: what the CLI runs (Parallel.For over the cores).</summary>
    [Benchmark]
    public int LintParallel() => Engine.Lint(_linter, _files);
}
