using System.Collections;
using System.Reflection;
using Markdig;
using Markdig.Syntax;

namespace StrategyLint.Benchmarks;

/// <summary>
/// Reaches StrategyLint's engine from outside its assembly. StrategyLint.Rules grants InternalsVisibleTo only to
/// the CLI and the tests, so the linter, the parser and the rule catalog are reached through reflection here
/// (looked up once; the per-call cost is one MethodInfo.Invoke per corpus or per file, negligible next to the work).
/// With <c>&lt;InternalsVisibleTo Include="StrategyLint.Benchmarks" /&gt;</c> in StrategyLint.Rules.csproj these
/// calls could be made directly.
/// </summary>
public static class Engine
{
    private static readonly Assembly Rules = typeof(StrategyLint.Analysis.StrategyRule).Assembly;
    private static readonly Type InputFileType = Rules.GetType("StrategyLint.Linting.InputFile", true)!;
    private static readonly Type LinterType = Rules.GetType("StrategyLint.Linting.StrategyLinter", true)!;
    private static readonly Type CatalogType = Rules.GetType("StrategyLint.Analysis.RuleCatalog", true)!;
    private static readonly Type ConfigType = Rules.GetType("StrategyLint.Configuration.LintConfig", true)!;
    private static readonly Type ParserType = Rules.GetType("StrategyLint.Syntax.StrategyParser", true)!;
    private const BindingFlags Any = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance;

    private static readonly MethodInfo LintMethod = LinterType.GetMethod("Lint", Any)!;
    private static readonly MethodInfo LintFileMethod = LinterType.GetMethod("LintFile", Any)!;
    private static readonly MethodInfo ParseMethod = ParserType.GetMethod("Parse", Any, [typeof(string), typeof(string)])!;

    /// <summary>The pipeline StrategyParser builds (src/StrategyLint.Rules/Syntax/StrategyParser.cs), rebuilt here for parse-only runs.</summary>
    public static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseYamlFrontMatter()
        .UsePipeTables()
        .UsePreciseSourceLocation()
        .Build();

    public static MarkdownDocument MarkdigParse(string text) => Markdown.Parse(text, Pipeline);

    /// <summary>StrategyParser.Parse: the Markdig parse plus the section tree, block nodes and prose mask.</summary>
    public static object ModelParse(string path, string text) => ParseMethod.Invoke(null, [path, text])!;

    /// <summary>The built-in catalog, or a catalog of the built-in rules that pass <paramref name="keep"/>.</summary>
    public static object Catalog(Func<StrategyLint.Analysis.StrategyRule, bool>? keep = null)
    {
        var builtIn = CatalogType.GetProperty("BuiltIn", Any)!.GetValue(null)!;
        if (keep is null)
            return builtIn;
        var all = (IEnumerable)CatalogType.GetProperty("Rules", Any)!.GetValue(builtIn)!;
        var kept = all.Cast<StrategyLint.Analysis.StrategyRule>().Where(keep).ToList();
        return Activator.CreateInstance(CatalogType, Any, null, [(IReadOnlyList<StrategyLint.Analysis.StrategyRule>)kept], null)!;
    }

    public static IReadOnlyList<StrategyLint.Analysis.StrategyRule> BuiltInRules()
    {
        var builtIn = CatalogType.GetProperty("BuiltIn", Any)!.GetValue(null)!;
        return ((IEnumerable)CatalogType.GetProperty("Rules", Any)!.GetValue(builtIn)!).Cast<StrategyLint.Analysis.StrategyRule>().ToList();
    }

    /// <summary>A StrategyLinter with the default configuration rooted at <paramref name="baseDirectory"/> (what the CLI uses when no strategylint.json is found).</summary>
    public static object Linter(string baseDirectory, object? catalog = null)
    {
        var config = ConfigType.GetMethod("Default", Any)!.Invoke(null, [baseDirectory])!;
        return Activator.CreateInstance(LinterType, Any, null, [catalog ?? Catalog(), config, null, null], null)!;
    }

    /// <summary>InputFile[] for the given paths (an array of the internal record type, usable as IReadOnlyList of it).</summary>
    public static Array InputFiles(IReadOnlyList<string> paths, string baseDirectory)
    {
        var array = Array.CreateInstance(InputFileType, paths.Count);
        for (var i = 0; i < paths.Count; i++)
            array.SetValue(Activator.CreateInstance(InputFileType, Path.GetRelativePath(baseDirectory, paths[i]), paths[i], null), i);
        return array;
    }

    /// <summary>Lints every file (in parallel, as the CLI does) and returns the number of reported findings.</summary>
    public static int Lint(object linter, Array files)
    {
        var result = LintMethod.Invoke(linter, [files, CancellationToken.None])!;
        var reported = (IEnumerable)result.GetType().GetProperty("Reported")!.GetValue(result)!;
        return reported.Cast<object>().Count();
    }

    /// <summary>Lints one file on the calling thread and returns its number of reported findings.</summary>
    public static int LintFile(object linter, object file)
    {
        var result = LintFileMethod.Invoke(linter, [file, CancellationToken.None])!;
        var reported = (IEnumerable)result.GetType().GetProperty("Reported")!.GetValue(result)!;
        return reported.Cast<object>().Count();
    }
}
