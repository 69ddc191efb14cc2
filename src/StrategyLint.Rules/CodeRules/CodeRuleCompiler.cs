using System.Collections.Immutable;
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
internal sealed record CodeRuleResult(IReadOnlyList<StrategyRule> Rules, IReadOnlyList<ConfigProblem> Problems, bool FromCache, string? CachePath)
{
    /// <summary>Why the cache was not used (a folder that is not private), or null.</summary>
    public string? CacheNote { get; init; }
}

/// <summary>
/// Compiles C# rules with Roslyn against the rule API and an allow-list of .NET APIs, instruments them with
/// budget checks, caches the assembly by the SHA-256 of the sources and the tool version (a second run loads it
/// without compiling), and loads it into a collectible load context. Every problem is an SL0001 at the .cs file's
/// line and column.
/// </summary>
internal static class CodeRuleCompiler
{
    /// <summary>Bumped when the compile settings or the instrumentation change, so old cache entries are not reused.</summary>
    private const string CompilerRevision = "2";

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

    /// <summary>
    /// Where compiled rules are cached: $STRATEGYLINT_CACHE, else (outside CI) $XDG_CACHE_HOME/strategylint, else
    /// ~/.cache/strategylint; null, no cache, in CI (the CI variable set) unless STRATEGYLINT_CACHE names one, because
    /// a cache shared across jobs is a way to plant code for a later, trusted job.
    /// </summary>
    public static string? DefaultCacheDirectory()
    {
        if (Environment.GetEnvironmentVariable("STRATEGYLINT_CACHE") is { Length: > 0 } explicitCache)
            return Path.Combine(explicitCache, "code-rules");
        if (Environment.GetEnvironmentVariable("CI") is { Length: > 0 } ci && !ci.Equals("false", StringComparison.OrdinalIgnoreCase))
            return null;
        var root = Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(root, "strategylint", "code-rules");
    }

    /// <summary>The assembly name compiled rules get: the cache key, so an image can be checked against the entry it came from.</summary>
    internal static string AssemblyNameFor(string key) => "StrategyLint.CodeRules." + key;

    /// <summary>
    /// Compiles the rules (or takes them from the cache), then loads them in a rule host (a child process) and returns
    /// one <see cref="HostedCodeRule"/> per rule class. <paramref name="cacheDirectory"/> null means no cache.
    /// </summary>
    public static CodeRuleResult Load(IReadOnlyList<CodeRuleSource> sources, string toolVersion, string? cacheDirectory, TimeSpan budget, long memoryBytes = RuleHostLimits.DefaultMemoryBytes)
    {
        var key = CacheKey(sources, toolVersion);
        var assemblyName = AssemblyNameFor(key);
        var problems = new List<ConfigProblem>();
        var cache = cacheDirectory is null ? null : CodeRuleCache.Open(cacheDirectory);
        var image = cache?.TryRead(key, assemblyName);
        var fromCache = image is not null;
        if (image is null)
        {
            image = Compile(sources, key, problems);
            if (image is null)
                return new CodeRuleResult([], problems, false, null) { CacheNote = cache?.Refusal };
            cache?.TryWrite(key, image);
        }

        var rules = Instantiate(image, assemblyName, sources, new RuleHostLimits(budget, memoryBytes), problems, out var corrupt);
        if (corrupt && fromCache)
        {
            // A damaged cache entry is not the author's fault: compile again.
            cache!.Delete(key);
            return Load(sources, toolVersion, cacheDirectory, budget, memoryBytes);
        }
        return new CodeRuleResult(problems.Count > 0 ? [] : rules, problems, fromCache, cache?.Usable == true ? cache.PathOf(key) : null) { CacheNote = cache?.Refusal };
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
        var compilation = CSharpCompilation.Create(AssemblyNameFor(assemblyName), trees, References.Value, compileOptions);

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

    private static List<StrategyRule> Instantiate(byte[] image, string assemblyName, IReadOnlyList<CodeRuleSource> sources, RuleHostLimits limits, List<ConfigProblem> problems, out bool corrupt)
    {
        corrupt = false;
        var pool = new RuleHostPool(image, assemblyName, limits);
        HostResponse loaded;
        try
        {
            loaded = pool.Load();
        }
        catch (RuleHostCrashedException crashed)
        {
            pool.Dispose();
            problems.Add(new ConfigProblem(sources[0].DisplayPath, 1, 1, "", $"The C# rules could not be loaded: the rule host {crashed.Reason}."));
            return [];
        }
        if (loaded.Kind != HostResponse.LoadedKind)
        {
            pool.Dispose();
            if (loaded.FailureKind == "BadImage")
                corrupt = true;
            else
                problems.Add(new ConfigProblem(sources[0].DisplayPath, 1, 1, "", $"The C# rules could not be loaded: {loaded.Detail}."));
            return [];
        }

        var display = sources.Count == 1 ? sources[0].DisplayPath : string.Join(", ", sources.Select(s => s.DisplayPath));
        foreach (var problem in loaded.Problems ?? [])
            problems.Add(new ConfigProblem(FileOf(problem.TypeName, sources), 1, 1, "", problem.Message));
        var infos = loaded.Rules ?? [];
        if (infos.Count == 0 && problems.Count == 0)
            problems.Add(new ConfigProblem(sources[0].DisplayPath, 1, 1, "", $"{display} defines no rule. A C# rule is a public class deriving from StrategyLint.Analysis.StrategyRule with a public parameterless constructor."));
        var rules = new List<StrategyRule>();
        for (var i = 0; i < infos.Count; i++)
        {
            var info = infos[i];
            var file = FileOf(info.TypeName, sources);
            foreach (var descriptor in info.Descriptors)
            {
                if (descriptor.Id.StartsWith("SL", StringComparison.OrdinalIgnoreCase) && descriptor.Id.Length == 6 && descriptor.Id[2..].All(char.IsAsciiDigit))
                    problems.Add(new ConfigProblem(file, 1, 1, "", $"The rule {info.TypeName} declares '{descriptor.Id}', an id reserved for the rules shipped with StrategyLint. Name it like 'house.{info.TypeName}'."));
            }
            if (info.Descriptors.Count == 0)
                problems.Add(new ConfigProblem(file, 1, 1, "", $"The rule {info.TypeName} declares no diagnostics in SupportedDiagnostics."));
            rules.Add(new HostedCodeRule(pool, i, info));
        }
        if (problems.Count > 0)
            pool.Dispose();
        return rules;
    }

    // The file that declares a type: the source whose text declares "class Name".
    private static string FileOf(string typeName, IReadOnlyList<CodeRuleSource> sources) =>
        sources.FirstOrDefault(s => s.Text.Contains("class " + typeName, StringComparison.Ordinal))?.DisplayPath ?? sources[0].DisplayPath;

    internal static string CacheKey(IReadOnlyList<CodeRuleSource> sources, string toolVersion)
    {
        var hash = new StringBuilder().Append(toolVersion).Append('\n').Append(CompilerRevision).Append('\n');
        foreach (var source in sources.OrderBy(s => s.DisplayPath, StringComparer.Ordinal))
            hash.Append(source.DisplayPath).Append('\0').Append(source.Text.Length).Append('\0').Append(source.Text).Append('\0');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(hash.ToString())));
    }

    private static ConfigProblem At(Location location, string message)
    {
        var span = location.GetLineSpan();
        return new ConfigProblem(span.Path is { Length: > 0 } p ? p : "(C# rule)", span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1, "", message);
    }
}
