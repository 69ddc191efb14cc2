using Markdig;
using Markdig.Syntax;
using StrategyLint.Analysis;
using StrategyLint.Configuration;
using StrategyLint.Linting;
using StrategyLint.Syntax;
using StrategyLint.Text;

namespace StrategyLint.Benchmarks;

/// <summary>The engine pieces the benchmarks time (StrategyLint.Rules grants this project its internals).</summary>
public static class Engine
{
    /// <summary>The pipeline StrategyParser builds (src/StrategyLint.Rules/Syntax/StrategyParser.cs), rebuilt here for parse-only runs.</summary>
    public static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseYamlFrontMatter()
        .UsePipeTables()
        .UsePreciseSourceLocation()
        .Build();

    public static MarkdownDocument MarkdigParse(string text) => Markdown.Parse(text, Pipeline);

    /// <summary>StrategyParser.Parse: the Markdig parse plus the section tree, block nodes and prose mask.</summary>
    internal static StrategyDocument ModelParse(string path, string text) => StrategyParser.Parse(path, text);

    /// <summary>The model parse plus the word index every term rule shares.</summary>
    internal static int WordIndex(string path, string text) => DocumentWords.Of(StrategyParser.Parse(path, text)).Index.TokenCount;

    /// <summary>The built-in catalog, or a catalog of the built-in rules that pass <paramref name="keep"/>.</summary>
    internal static RuleCatalog Catalog(Func<StrategyRule, bool>? keep = null) =>
        keep is null ? RuleCatalog.BuiltIn : new RuleCatalog([.. RuleCatalog.BuiltIn.Rules.Where(keep)]);

    internal static IReadOnlyList<StrategyRule> BuiltInRules() => RuleCatalog.BuiltIn.Rules;

    /// <summary>A StrategyLinter with the default configuration rooted at <paramref name="baseDirectory"/> (what the CLI uses when no strategylint.json is found).</summary>
    internal static StrategyLinter Linter(string baseDirectory, RuleCatalog? catalog = null) =>
        new(catalog ?? Catalog(), LintConfig.Default(baseDirectory));

    internal static InputFile[] InputFiles(IReadOnlyList<string> paths, string baseDirectory) =>
        [.. paths.Select(p => new InputFile(Path.GetRelativePath(baseDirectory, p), p))];

    /// <summary>Lints every file (in parallel, as the CLI does) and returns the number of reported findings.</summary>
    internal static int Lint(StrategyLinter linter, InputFile[] files) => linter.Lint(files).Reported.Count();

    /// <summary>Lints one file on the calling thread and returns its number of reported findings.</summary>
    internal static int LintFile(StrategyLinter linter, InputFile file) => linter.LintFile(file).Reported.Count();
}
