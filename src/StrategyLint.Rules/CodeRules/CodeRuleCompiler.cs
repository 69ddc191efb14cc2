using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using System.Security.Cryptography;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using StrategyLint.Analysis;
using StrategyLint.Configuration;

namespace StrategyLint.CodeRules;

/// <summary>A C# rule file: where it is, how messages name it, and its text.</summary>
internal sealed record CodeRuleSource(string Path, string DisplayPath, string Text);

/// <summary>What compiling the config's C# rules gave: the rules (sandboxed), problems, and whether the cache answered.</summary>
internal sealed record CodeRuleResult(IReadOnlyList<StrategyRule> Rules, IReadOnlyList<ConfigProblem> Problems, bool FromCache, string? CachePath);

/// <summary>
/// Compiles C# rules with Roslyn against the rule API and an allow-list of .NET APIs, instruments them with
/// budget checks, caches the assembly by the SHA-256 of the sources and the tool version (a second run loads it
/// without compiling), and loads it into a collectible load context. Every problem is an SL0001 at the .cs file's
/// line and column.
/// </summary>
internal static class CodeRuleCompiler
{
    /// <summary>Bumped when the compile settings or the instrumentation change, so old cache entries are not reused.</summary>
    private const string CompilerRevision = "1";

    // As an SDK project's implicit usings: a rule file starts with what it needs, not with boilerplate.
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.Collections.Immutable;
        global using System.Linq;
        global using System.Text;
        global using System.Text.RegularExpressions;
        global using Microsoft.CodeAnalysis;
        global using Microsoft.CodeAnalysis.Text;
        global using StrategyLint.Analysis;
        global using StrategyLint.Syntax;
        """;

    // The assemblies a rule compiles against: the rule API and what the allow-list can let through.
    private static readonly string[] ReferenceNames =
    [
        "System.Runtime", "System.Private.CoreLib", "System.Collections", "System.Collections.Immutable", "System.Linq",
        "System.Text.RegularExpressions", "System.Memory", "System.Runtime.Extensions", "System.ObjectModel", "netstandard",
    ];

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    {
        var platform = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var byName = platform.GroupBy(p => Path.GetFileNameWithoutExtension(p), StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var paths = ReferenceNames.Where(byName.ContainsKey).Select(n => byName[n]).ToList();
        paths.Add(typeof(StrategyRule).Assembly.Location);
        paths.Add(typeof(DiagnosticDescriptor).Assembly.Location);
        paths.Add(typeof(Markdig.Syntax.Block).Assembly.Location);
        return [.. paths.Where(p => p.Length > 0).Distinct(StringComparer.Ordinal).Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))];
    });

    /// <summary>Where compiled rules are cached: $STRATEGYLINT_CACHE, else $XDG_CACHE_HOME/strategylint, else ~/.cache/strategylint.</summary>
    public static string DefaultCacheDirectory()
    {
        if (Environment.GetEnvironmentVariable("STRATEGYLINT_CACHE") is { Length: > 0 } explicitCache)
            return Path.Combine(explicitCache, "code-rules");
        var root = Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(root, "strategylint", "code-rules");
    }

    public static CodeRuleResult Load(IReadOnlyList<CodeRuleSource> sources, string toolVersion, string cacheDirectory, TimeSpan budget)
    {
        var key = CacheKey(sources, toolVersion);
        var cachePath = Path.Combine(cacheDirectory, key + ".dll");
        var problems = new List<ConfigProblem>();
        byte[]? image = null;
        var fromCache = false;
        try
        {
            if (File.Exists(cachePath))
            {
                image = File.ReadAllBytes(cachePath);
                fromCache = true;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            image = null;
        }
        if (image is null)
        {
            image = Compile(sources, key, problems);
            if (image is null)
                return new CodeRuleResult([], problems, false, null);
            TryWriteCache(cachePath, image);
        }

        var rules = Instantiate(image, key, sources, budget, problems, out var corrupt);
        if (corrupt && fromCache)
        {
            // A damaged cache entry is not the author's fault: compile again.
            TryDelete(cachePath);
            return Load(sources, toolVersion, cacheDirectory, budget);
        }
        return new CodeRuleResult(problems.Count > 0 ? [] : rules, problems, fromCache, cachePath);
    }

    /// <summary>Compiles the sources, checks them against the allow-list, then compiles the instrumented trees; null on any problem.</summary>
    internal static byte[]? Compile(IReadOnlyList<CodeRuleSource> sources, string assemblyName, List<ConfigProblem> problems)
    {
        var options = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, options, path: s.DisplayPath, encoding: Encoding.UTF8)).ToList();
        trees.Add(CSharpSyntaxTree.ParseText(ImplicitUsings, options, path: "(implicit usings)", encoding: Encoding.UTF8));
        var compileOptions = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary,
            optimizationLevel: OptimizationLevel.Release, allowUnsafe: false, nullableContextOptions: NullableContextOptions.Enable,
            concurrentBuild: false, deterministic: true, checkOverflow: false);
        var compilation = CSharpCompilation.Create("StrategyLint.CodeRules." + assemblyName, trees, References.Value, compileOptions);

        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        foreach (var error in errors.Take(50))
        {
            // A name that is not there may be one rules cannot use at all: say so, rather than suggest a reference.
            var hint = error.Id is "CS0103" or "CS0234" or "CS0246" or "CS1069"
                ? " C# rules compile against the rule API and the .NET APIs they may use only (no file system, network, processes, console, environment, reflection, interop or threads); docs/writing-csharp-rules.md lists them."
                : "";
            problems.Add(At(error.Location, $"The C# rule does not compile: {error.Id}: {error.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}{hint}"));
        }
        if (errors.Count > 0)
            return null;

        foreach (var use in ApiAllowList.Check(compilation))
            problems.Add(At(use.Location, $"{use.What} is not allowed in a C# rule: {use.Reason}. A rule sees the draft through its context (context.Document, Section, BlockNode) and reports findings through it; docs/writing-csharp-rules.md lists what rules may use."));
        if (problems.Count > 0)
            return null;

        var instrumented = compilation.SyntaxTrees.Select(t => GuardInstrumenter.Instrument(t, compilation.GetSemanticModel(t))).ToList();
        var final = compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(instrumented);
        using var stream = new MemoryStream();
        var emitted = final.Emit(stream);
        if (!emitted.Success)
        {
            // The instrumentation broke code that compiled: StrategyLint's bug, reported with the author's file all the same.
            foreach (var error in emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(10))
                problems.Add(At(error.Location, $"StrategyLint could not prepare this rule to run safely ({error.Id}: {error.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}). Please report this with the rule's code."));
            return null;
        }

        // Defence in depth: the compiled image is checked as well, in case the compiler gave meaning to something the
        // source checks let through. Positions come from the author's text (the instrumented trees have moved).
        var image = stream.ToArray();
        var referenced = final.References.Select(final.GetAssemblyOrModuleSymbol).OfType<IAssemblySymbol>().Select(a => a.Identity.Name).ToHashSet(StringComparer.Ordinal);
        var refused = MetadataChecker.Check(image, referenced);
        foreach (var problem in refused)
        {
            var message = $"StrategyLint refused the compiled rule: {problem.What}. The checks on the rule's source should have refused this first; please report it with the rule's code.";
            var location = problem.TypeName is { } name ? compilation.GetTypeByMetadataName(name)?.Locations.FirstOrDefault(l => l.IsInSource) : null;
            problems.Add(location is null ? new ConfigProblem(sources[0].DisplayPath, 1, 1, "", message) : At(location, message));
        }
        return refused.Count > 0 ? null : image;
    }

    private static List<StrategyRule> Instantiate(byte[] image, string key, IReadOnlyList<CodeRuleSource> sources, TimeSpan budget, List<ConfigProblem> problems, out bool corrupt)
    {
        corrupt = false;
        Assembly assembly;
        try
        {
            // Collectible: a long-lived host (an editor, a test run) can let the rules go with their context.
            var context = new AssemblyLoadContext("strategylint-code-rules-" + key[..12], isCollectible: true);
            assembly = context.LoadFromStream(new MemoryStream(image));
        }
        catch (BadImageFormatException)
        {
            corrupt = true;
            return [];
        }

        var rules = new List<StrategyRule>();
        var display = sources.Count == 1 ? sources[0].DisplayPath : string.Join(", ", sources.Select(s => s.DisplayPath));
        var types = assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false, IsPublic: true } && t.IsSubclassOf(typeof(StrategyRule))).OrderBy(t => t.FullName, StringComparer.Ordinal).ToList();
        if (types.Count == 0)
            problems.Add(new ConfigProblem(sources[0].DisplayPath, 1, 1, "", $"{display} defines no rule. A C# rule is a public class deriving from StrategyLint.Analysis.StrategyRule with a public parameterless constructor."));
        foreach (var type in types)
        {
            var file = FileOf(type, sources);
            if (type.GetConstructor(Type.EmptyTypes) is null)
            {
                problems.Add(new ConfigProblem(file, 1, 1, "", $"The rule class {type.Name} needs a public parameterless constructor."));
                continue;
            }
            try
            {
                StrategyRule rule;
                using (CodeRuleGuard.Enter(budget, SandboxedRule.AllocationBudget))
                    rule = (StrategyRule)Activator.CreateInstance(type)!;
                var sandboxed = new SandboxedRule(rule, budget);
                foreach (var descriptor in sandboxed.SupportedDiagnostics)
                {
                    if (descriptor.Id.StartsWith("SL", StringComparison.OrdinalIgnoreCase) && descriptor.Id.Length == 6 && descriptor.Id[2..].All(char.IsAsciiDigit))
                        problems.Add(new ConfigProblem(file, 1, 1, "", $"The rule {type.Name} declares '{descriptor.Id}', an id reserved for the rules shipped with StrategyLint. Name it like 'house.{type.Name}'."));
                }
                if (sandboxed.SupportedDiagnostics.IsDefaultOrEmpty)
                    problems.Add(new ConfigProblem(file, 1, 1, "", $"The rule {type.Name} declares no diagnostics in SupportedDiagnostics."));
                rules.Add(sandboxed);
            }
            catch (Exception ex) when (ex is TargetInvocationException or CodeRuleStoppedException or InvalidOperationException)
            {
                var inner = ex is TargetInvocationException { InnerException: { } i } ? i : ex;
                problems.Add(new ConfigProblem(file, 1, 1, "", $"The rule {type.Name} failed while being created: {inner.GetType().Name}: {inner.Message}"));
            }
        }
        return rules;
    }

    // The file that declares a type: the source whose text declares "class Name".
    private static string FileOf(Type type, IReadOnlyList<CodeRuleSource> sources) =>
        sources.FirstOrDefault(s => s.Text.Contains("class " + type.Name, StringComparison.Ordinal))?.DisplayPath ?? sources[0].DisplayPath;

    internal static string CacheKey(IReadOnlyList<CodeRuleSource> sources, string toolVersion)
    {
        var hash = new StringBuilder().Append(toolVersion).Append('\n').Append(CompilerRevision).Append('\n');
        foreach (var source in sources.OrderBy(s => s.DisplayPath, StringComparer.Ordinal))
            hash.Append(source.DisplayPath).Append('\0').Append(source.Text.Length).Append('\0').Append(source.Text).Append('\0');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(hash.ToString())));
    }

    private static void TryWriteCache(string path, byte[] image)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            File.WriteAllBytes(temporary, image);
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // No cache (read-only home, full disk): the rules still run, compiled again next time.
        }
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); } catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { }
    }

    private static ConfigProblem At(Location location, string message)
    {
        var span = location.GetLineSpan();
        return new ConfigProblem(span.Path is { Length: > 0 } p ? p : "(C# rule)", span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1, "", message);
    }
}
