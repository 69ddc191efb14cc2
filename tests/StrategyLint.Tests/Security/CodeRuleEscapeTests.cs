using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using StrategyLint.Analysis;
using StrategyLint.CodeRules;
using StrategyLint.Configuration;
using StrategyLint.Linting;
using StrategyLint.Testing;
using StrategyLint.Tests.Cli;
using StrategyLint.Tests.CodeRules;

namespace StrategyLint.Tests.Security;

/// <summary>
/// Red-team cases for C# rules, compile-time half: the sandbox escape through source-declared pseudo-attributes
/// (StructLayout/FieldOffset type confusion, a polyfilled ModuleInitializer, UnsafeAccessor, DllImport) and every
/// construct that could stall or crash the run is refused with SL0001 at its line; the compiled image's metadata is
/// checked as well (proved here on images emitted without the source checks); and the loops and recursion the
/// guard used to miss (goto case, operators, indexers, initializers, records) are stopped with SL0004.
/// </summary>
public sealed class CodeRuleEscapeTests : IDisposable
{
    private readonly TempFolder _cache = new();

    public void Dispose() => _cache.Dispose();


    private static string Rule(string body, string members = "") => ProbeRules.Source(body, members);

    private CodeRuleResult Load(string source, double seconds = 10) => ProbeRules.Load(_cache.Path, source, seconds);

    /// <summary>The rule is refused, with an SL0001 at each marked position whose message holds the parts.</summary>
    private void AssertRefusedAt(string markup, params string[] parts)
    {
        var (source, spans) = FixtureMarkup.Parse(markup);
        Assert.NotEmpty(spans);
        var map = new StrategyLint.Syntax.LineMap(source);
        var result = Load(source);
        Assert.Empty(result.Rules);
        Assert.All(result.Problems, p => Assert.Equal("rules/Probe.cs", p.File));
        var all = string.Join("\n", result.Problems.Select(p => $"({p.Line},{p.Column}) {p.Message}"));
        foreach (var span in spans)
        {
            var start = map.Position(span.Span.Start);
            var at = result.Problems.Where(p => (p.Line, p.Column) == (start.Line + 1, start.Character + 1)).ToList();
            Assert.True(at.Count == 1, $"Expected one problem at ({start.Line + 1},{start.Character + 1}); got:\n{all}");
            var problem = at[0];
            foreach (var part in parts)
                Assert.Contains(part, problem.Message, StringComparison.Ordinal);
        }
    }

    private static List<Finding> Lint(StrategyRule rule, string text = "# Strategy\n\n## Governance\n\nThe council leads.\n\n## Governance\n\nAgain.\n")
    {
        // A built-in rule runs beside the C# rule: it must still report whatever the C# rule does.
        var bytes = Encoding.UTF8.GetBytes(text);
        var catalog = new RuleCatalog([rule, new StrategyLint.Rules.Structure.SL1004DuplicateSiblingHeading()]);
        return [.. new StrategyLinter(catalog, LintConfig.Default(Environment.CurrentDirectory)).LintFile(new InputFile("draft.md", null, () => bytes)).Findings];
    }

    /// <summary>Loads a rule that must compile, runs it on a draft, and asserts it was stopped with SL0004 for the reason while the other rule still reported.</summary>
    /// <remarks>
    /// Recursion is stopped by the stack check, or by the clock when the JIT turned it into a tail call (an endless
    /// loop that, without the guard, would never end): either way it is stopped, which is what is asserted.
    /// </remarks>
    private async Task AssertStopped(string source, string reason, double seconds = 1)
    {
        var result = Load(source, seconds);
        Assert.Empty(result.Problems);
        var findings = await Task.Run(() => Lint(Assert.Single(result.Rules)));
        var failure = Assert.Single(findings, f => f.Id == "SL0004");
        Assert.True(reason.Split('|').Any(r => failure.Message.Contains(r, StringComparison.Ordinal)), failure.Message);
        Assert.Contains(findings, f => f.Id == "SL1004");
    }

    // The technique that got through: a rule declares the interop attributes itself, in their own namespace, and the
    // compiler honours them by name. Two object fields at offset 0 would let a string pass for any object.
    [Fact(Timeout = 60000)]
    public async Task Source_declared_StructLayout_and_FieldOffset_are_refused_at_their_lines() => await Task.Run(() => AssertRefusedAt("""
        namespace [|System.Runtime.InteropServices|]
        {
            public enum LayoutKind { Sequential = 0, Explicit = 2, Auto = 3 }
            public sealed class StructLayoutAttribute(LayoutKind kind) : Attribute { public LayoutKind Value { get; } = kind; }
            public sealed class FieldOffsetAttribute(int offset) : Attribute { public int Value { get; } = offset; }
        }

        namespace HouseRules
        {
            using System.Runtime.InteropServices;

            [[|StructLayout(LayoutKind.Explicit)|]]
            public sealed class Confused
            {
                [[|FieldOffset(0)|]] public object? AsObject;
                [[|FieldOffset(0)|]] public Holder? AsHolder;
            }

            public sealed class Holder { public string Secret = ""; }

            public sealed class ProbeRule : StrategyRule
            {
                public static readonly DiagnosticDescriptor Descriptor = RuleDescriptors.Create("house.Probe", "Probe", "{0}", RuleCategories.Custom, DiagnosticSeverity.Warning, "A probe.");
                public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];
                public override void Initialize(StrategyAnalysisContext context) =>
                    context.RegisterDocumentAction(c => c.ReportMissing(Descriptor, new Confused { AsObject = "not a holder" }.AsHolder!.Secret));
            }
        }
        """, "is not allowed in a C# rule"));

    [Fact(Timeout = 60000)]
    public async Task A_polyfilled_ModuleInitializer_is_refused() => await Task.Run(() => AssertRefusedAt(
        "namespace [|System.Runtime.CompilerServices|] { public sealed class ModuleInitializerAttribute : Attribute { } }\n"
        + Rule("c.ReportMissing(Descriptor, \"x\");", "    [[|ModuleInitializer|]] public static void AtLoad() { }\n")
            .Replace("namespace HouseRules\n{", "namespace HouseRules\n{\nusing System.Runtime.CompilerServices;"),
        "is not allowed in a C# rule"));

    // The compiler ignores these outside their namespace, but a name with a special meaning is refused wherever it is declared.
    [Theory(Timeout = 60000)]
    [InlineData("StructLayout")]
    [InlineData("FieldOffset")]
    [InlineData("ModuleInitializer")]
    [InlineData("DllImport")]
    [InlineData("UnsafeAccessor")]
    [InlineData("SkipLocalsInit")]
    [InlineData("InlineArray")]
    public async Task A_special_attribute_declared_in_the_global_namespace_is_refused_by_name(string name) => await Task.Run(() => AssertRefusedAt(
        $"public sealed class {name}Attribute : System.Attribute {{ public {name}Attribute(int value = 0) {{ }} }}\n"
        + Rule("c.ReportMissing(Descriptor, \"x\");", $"    [[|{name}|]] public static int Marked;\n"),
        "special meaning"));

    [Fact(Timeout = 60000)]
    public async Task The_real_UnsafeAccessor_is_refused() => await Task.Run(() => AssertRefusedAt(Rule("c.ReportMissing(Descriptor, \"x\");",
        "    [[|System.Runtime.CompilerServices.UnsafeAccessor(System.Runtime.CompilerServices.UnsafeAccessorKind.Method, Name = \"Stop\")|]]\n    private static [|extern|] void Stop(object guard);\n"),
        "is not allowed in a C# rule"));

    [Fact(Timeout = 60000)]
    public async Task A_DllImport_declared_in_source_is_refused() => await Task.Run(() => AssertRefusedAt(
        "namespace [|System.Runtime.InteropServices|] { public sealed class DllImportAttribute(string name) : Attribute { } }\n"
        + Rule("c.ReportMissing(Descriptor, \"x\");", "    [[|System.Runtime.InteropServices.DllImport(\"libc\")|]]\n    private static [|extern|] int getpid();\n"),
        "is not allowed in a C# rule"));

    [Fact(Timeout = 60000)]
    public async Task Assembly_and_module_attributes_are_refused() => await Task.Run(() => AssertRefusedAt(
        "[|[assembly: System.CLSCompliant(false)]|]\n" + Rule("c.ReportMissing(Descriptor, \"x\");"), "whole assembly or module"));

    [Fact(Timeout = 60000)]
    public async Task Declaring_a_type_in_a_StrategyLint_or_Markdig_namespace_is_refused() => await Task.Run(() => AssertRefusedAt(
        "namespace [|StrategyLint.Analysis|] { public static class Helper { } }\nnamespace [|Markdig.Syntax|] { public static class Other { } }\n"
        + Rule("c.ReportMissing(Descriptor, \"x\");"),
        "use a namespace of your own"));

    // An attribute from .NET outside the short list, and one the rule declares itself (allowed).
    [Fact(Timeout = 60000)]
    public async Task Only_listed_attributes_and_the_rules_own_are_accepted() => await Task.Run(() =>
    {
        AssertRefusedAt(Rule("c.ReportMissing(Descriptor, \"x\");", "    [[|System.Diagnostics.CodeAnalysis.MaybeNull|]] public static int Marked;\n"), "may only apply");
        var own = Load("[System.AttributeUsage(System.AttributeTargets.All)] public sealed class NoteAttribute(string text) : System.Attribute { public string Text { get; } = text; }\n"
            + Rule("c.ReportMissing(Descriptor, \"x\");", "    [Note(\"reviewed\"), Obsolete(\"use the new one\")] public static int Marked;\n"));
        Assert.Empty(own.Problems);
        Assert.Single(own.Rules);
    });

    [Theory(Timeout = 60000)]
    [InlineData("System.Span<byte> big = [|stackalloc|] byte[200_000_000];", "allocate on the stack")]
    [InlineData("System.Span<int> big = [|stackalloc|][] { 1, 2 };", "allocate on the stack")]
    [InlineData("[|lock|] (Descriptor) { }", "deadlock")]
    [InlineData("var t = Regex.[|InfiniteMatchTimeout|];", "finite match timeout")]
    [InlineData("var a = Array.[|CreateInstance|](null!, 3);", "reflection")]
    [InlineData("var v = Enum.[|GetValues|]<DayOfWeek>();", "reflection")]
    [InlineData("var v = Enum.[|GetNames|]<DayOfWeek>();", "reflection")]
    [InlineData("try { } catch (Exception ex) { var site = ex.[|TargetSite|]; }", "reflection")]
    [InlineData("Encoding.[|RegisterProvider|](null!);", "whole process")]
    [InlineData("System.Globalization.CultureInfo.[|DefaultThreadCurrentCulture|] = null;", "whole process")]
    [InlineData("System.Globalization.CultureInfo.[|DefaultThreadCurrentUICulture|] = null;", "whole process")]
    [InlineData("System.Globalization.CultureInfo.[|CurrentCulture|] = System.Globalization.CultureInfo.InvariantCulture;", "whole process")]
    [InlineData("Regex.[|CacheSize|] = 0;", "whole process")]
    [InlineData("var t = [|typeof(string)|];", "reflection")]
    [InlineData("var w = c.CancellationToken.[|WaitHandle|];", "wait")]
    [InlineData("var m = new Func<int>(() => 1).[|Method|];", "reflection")]
    [InlineData("var q = from e in new[] { new Exception() } [|select e.TargetSite|];", "reflection")]
    [InlineData("Action a = [|async|] () => { };", "asynchronously")]
    [InlineData("Monitor(); void Monitor() => System.Threading.[|Monitor.Enter|](Descriptor);", "threads")]
    [InlineData("var l = [|new System.Threading.Lock()|];", "threads")]
    public async Task A_construct_that_could_stall_or_escape_is_refused(string body, string reason) => await Task.Run(() =>
        AssertRefusedAt(Rule(body), "is not allowed in a C# rule", reason));

    [Fact(Timeout = 60000)]
    public async Task Async_void_methods_and_finalizers_are_refused() => await Task.Run(() =>
    {
        AssertRefusedAt(Rule("Later();", "    private static [|async|] void Later() { }\n"), "asynchronously");
        AssertRefusedAt(Rule("c.ReportMissing(Descriptor, \"x\");", "    ~[|ProbeRule|]() { }\n"), "finalizer");
    });

    // Reading the current culture is fine; so is everything an ordinary rule writes (records, iterators, operators,
    // LINQ, pattern matching, collection expressions, initializers): the checks must not refuse honest code.
    [Fact(Timeout = 60000)]
    public async Task An_ordinary_rule_using_many_language_features_compiles_and_runs() => await Task.Run(() =>
    {
        var result = Load(OrdinaryRule);
        Assert.Empty(result.Problems);
        var findings = Lint(Assert.Single(result.Rules));
        var finding = Assert.Single(findings, f => f.Id == "house.Big");
        Assert.StartsWith("2 x 1 Pair { Name = x, Count = 2, Extra = e } 3 3 6 3 2 12 1 a 1.5 ", finding.Message, StringComparison.Ordinal);
        Assert.Contains(findings, f => f.Id == "SL1004");
    });

    [Fact(Timeout = 60000)]
    public async Task A_goto_case_loop_is_stopped() => await AssertStopped(Rule("""
        var state = 0;
        switch (state)
        {
            case 0: goto case 1;
            case 1: goto default;
            default: goto case 0;
        }
        """), "ran out of time");

    [Fact(Timeout = 60000)]
    public async Task A_recursive_operator_is_stopped() => await AssertStopped(Rule("c.ReportMissing(Descriptor, (new Num() + new Num()).ToString());",
        "    public sealed class Num { public static Num operator +(Num a, Num b) => a + b; }\n"), Recursion);

    [Fact(Timeout = 60000)]
    public async Task A_recursive_conversion_is_stopped() => await AssertStopped(Rule("int n = new Num(); c.ReportMissing(Descriptor, n.ToString());",
        "    public sealed class Num { public static implicit operator int(Num a) => a; }\n"), Recursion);

    [Fact(Timeout = 60000)]
    public async Task A_recursive_expression_bodied_indexer_is_stopped() => await AssertStopped(Rule("c.ReportMissing(Descriptor, new Deep()[0].ToString());",
        "    public sealed class Deep { public int this[int i] => this[i + 1]; }\n"), Recursion);

    [Fact(Timeout = 60000)]
    public async Task A_recursive_init_accessor_is_stopped() => await AssertStopped(Rule("c.ReportMissing(Descriptor, new Deep { Value = 1 }.ToString()!);",
        "    public sealed class Deep { public int Value { get => 0; init => Value = value + 1; } }\n"), Recursion);

    [Fact(Timeout = 60000)]
    public async Task A_recursive_field_initializer_is_stopped() => await AssertStopped(Rule("c.ReportMissing(Descriptor, new Node().ToString()!);",
        "    public sealed class Node { private readonly Node _next = new(); }\n"), Recursion);

    [Fact(Timeout = 60000)]
    public async Task A_recursive_constructor_initializer_is_stopped() => await AssertStopped(Rule("c.ReportMissing(Descriptor, new Node().Depth.ToString());",
        "    public sealed class Node { public int Depth; public Node() : this(new Node().Depth + 1) { } private Node(int depth) { Depth = depth; } }\n"), Recursion);

    [Fact(Timeout = 60000)]
    public async Task A_static_constructor_loop_is_stopped() => await AssertStopped(Rule("c.ReportMissing(Descriptor, Slow.Value.ToString());",
        "    public static class Slow { public static readonly int Value; static Slow() { var i = 0; while (i >= 0) i = (i + 1) % 7; Value = i; } }\n"),
        "ran out of time"); // stopped inside the static constructor: the wrapper .NET adds is taken off

    [Fact(Timeout = 60000)]
    public async Task A_self_referencing_records_hash_code_is_stopped() => await AssertStopped(Rule(
        "var a = new Link(); var b = new Link(); a.Next = b; b.Next = a; c.ReportMissing(Descriptor, a.GetHashCode().ToString());",
        "    public sealed record Link { public Link? Next { get; set; } }\n"), Recursion);

    [Fact(Timeout = 60000)]
    public async Task Self_referencing_derived_records_equality_is_stopped() => await AssertStopped(Rule(
        "var a = new Leaf(); var b = new Leaf(); a.Next = b; b.Next = a; var x = new Leaf(); var y = new Leaf(); x.Next = y; y.Next = x; c.ReportMissing(Descriptor, (a == x).ToString());",
        "    public abstract record Link { public Link? Next { get; set; } }\n    public sealed record Leaf : Link;\n"), Recursion);

    [Fact(Timeout = 60000)]
    public async Task A_self_referencing_records_text_is_stopped() => await AssertStopped(Rule(
        "var a = new Link(); a.Next = a; c.ReportMissing(Descriptor, a.ToString());",
        "    public sealed record Link { public Link? Next { get; set; } }\n"), Recursion);

    private const string Recursion = "stack|ran out of time";

    private const string OrdinaryRule = """
        namespace HouseRules;

        [Flags] public enum Kinds { None = 0, A = 1, B = 2 }
        public delegate int Scorer(string text);
        public sealed record Pair(string Name, int Count) { public required string Extra { get; init; } }
        public record Base(int X) { public virtual Base Make() => this; }
        public sealed record Derived(int X, int Y) : Base(X) { public override Derived Make() => this; }
        public readonly record struct Point(int X, int Y);
        public ref struct Cursor { public ReadOnlySpan<char> Rest; public Cursor(ReadOnlySpan<char> s) { Rest = s; } }
        public readonly struct Money(decimal amount)
        {
            public decimal Amount { get; } = amount;
            public static Money operator +(Money a, Money b) => new(a.Amount + b.Amount);
            public static implicit operator decimal(Money m) => m.Amount;
        }
        public struct Empty { }
        public struct Counter { public int Start = 5; public List<int> Seen = new(); public Counter() { } }
        public class Shape(Func<int, int> f, List<string> names, int sides)
        {
            public event Action Moved = () => { };
            public Func<int, int> F { get; } = f;
            public List<string> Names { get; init; } = names;
            public int Sides = sides;
            public Shape() : this(x => x + 1, [], 0) { }
            public void Move() => Moved();
        }
        public sealed class Square() : Shape(static x => x * x, new() { "square" }, 4) { public string? Label { get; init; } = null; }
        public class Holder<T> where T : unmanaged
        {
            private readonly List<T> _items = [];
            private readonly Func<int, int> _twice = x => x * 2;
            public T Value;
            public T this[int i] => Value;
            public event Action? Changed;
            public void Raise() => Changed?.Invoke();
            public int Count => _items.Count + _twice(0);
        }
        [Obsolete("old")] public record Old(int N) : Base(N);
        public static class Ext
        {
            public const decimal Rate = 1.5m;
            public static int Twice(this int x) => x * 2;
            public static IEnumerable<int> Numbers(int n) { for (var i = 0; i < n; i++) yield return i; }
            public static int Sum(params int[] xs) => xs.Sum();
            public static int SumSpan(params ReadOnlySpan<int> xs) { var t = 0; foreach (var x in xs) t += x; return t; }
            public static int Opt(int a = 3, string? s = null) => a;
            public static (int Count, string Name) Tuple() => (1, "a");
            public static string Kind(int n) { switch (n) { case 0: return "none"; case 1: goto case 0; default: return "many"; } }
        }
        public sealed class BigRule : StrategyRule
        {
            public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create("house.Big", "Big", "{0}", RuleCategories.Custom, DiagnosticSeverity.Warning, "Big.");
            private static readonly byte[] Table = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
            private static readonly int[] Table2 = new int[] { 1, 2, 3, 4, 5, 6, 7, 8 };
            private static readonly string[] Words = { "a", "b" };
            private readonly Dictionary<string, int> _seen = new() { ["start"] = 0 };
            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];
            public override void Initialize(StrategyAnalysisContext context) => context.RegisterDocumentAction(c =>
            {
                Span<int> span = [1, 2, 3];
                ReadOnlySpan<byte> u = "abc"u8;
                var q = from s in c.Document.Sections where s.Level > 1 orderby s.Title select new { s.Title, s.Level };
                var (count, name) = Ext.Tuple();
                var p = new Pair("x", 1) { Extra = "e" } with { Count = 2 };
                var text = $"{count + 1} x {count} {p} {span.Length} {u.Length} {Ext.SumSpan(1, 2, 3)} {Ext.Sum(1, 2)} {q.Count()} {Table.Length} {Table2[0]} {Words[0]} {Ext.Rate} ";
                var money = new Money(1m) + new Money(2m);
                decimal d = money;
                object o = (1, 2);
                var kind = o switch { (int a, int b) => a + b, string s2 => s2.Length, _ => 0 };
                var sb = new StringBuilder();
                foreach (var ch in "abc") sb.Append(ch);
                foreach (var (k, v) in _seen) sb.Append(k).Append(v);
                int Local(int n) => n <= 0 ? 0 : Local(n - 1);
                Func<int, int> f = static x => x + 1;
                var anon = (ref int x) => x;
                var numbers = Ext.Numbers(3).Select(n => n.Twice()).ToList();
                var holder = new Holder<int>();
                holder.Changed += () => sb.Append('!');
                holder.Raise();
                var culture = System.Globalization.CultureInfo.CurrentCulture.Name;
                var derived = new Derived(1, 2).Make();
                var same = new Point(1, 2) == new Point(1, 2) && new Pair("a", 1) { Extra = "" }.Equals(new Pair("a", 1) { Extra = "" });
                checked { kind += Local(3) + f(1) + 5.Twice() + Ext.Opt() + numbers.Sum() + holder.Count + holder[0]; }
                var lazy = new Lazy<int>(() => 42);
                var square = new Square { Label = "sq" };
                square.Move();
                kind += square.F(2) + square.Sides + square.Names.Count + new Shape().F(1) + new Counter().Start + new Counter().Seen.Count;
                c.ReportMissing(Rule, text + d + lazy.Value + sb + kind + Kinds.A.HasFlag(Kinds.B) + Ext.Kind(1) + derived.X + same + new Old(4).N + culture.Length + new Cursor("ab").Rest.Length + new Empty().GetHashCode());
            });
        }
        """;

    // The metadata check, on images emitted WITHOUT the source checks: each construct it exists for is caught.
    [Theory(Timeout = 60000)]
    [InlineData("using System.Runtime.InteropServices; [StructLayout(LayoutKind.Explicit)] public sealed class U { [FieldOffset(0)] public object? A; [FieldOffset(0)] public string? B; }", "explicit memory layout")]
    [InlineData("using System.Runtime.InteropServices; [StructLayout(LayoutKind.Explicit)] public sealed class U { [FieldOffset(0)] public object? A; [FieldOffset(0)] public string? B; }", "has an explicit offset")]
    [InlineData("using System.Runtime.InteropServices; [StructLayout(LayoutKind.Sequential, Size = 100000000)] public struct Huge { }", "sets its own size or packing")]
    [InlineData("using System.Runtime.InteropServices; public static class N { [DllImport(\"libc\")] public static extern int getpid(); }", "P/Invoke")]
    [InlineData("using System.Runtime.CompilerServices; public static class N { [ModuleInitializer] public static void AtLoad() { } }", "module initializer")]
    [InlineData("using System.Runtime.CompilerServices; public static class N { [MethodImpl(MethodImplOptions.InternalCall)] public static extern int Inside(); }", "implemented outside IL")]
    [InlineData("using System.Runtime.CompilerServices; public sealed class N { [MethodImpl(MethodImplOptions.Synchronized)] public void Locked() { } }", "changes how it runs")]
    [InlineData("using System.Runtime.InteropServices; [ComImport, Guid(\"00000000-0000-0000-C000-000000000046\")] public class Com { }", "COM")]
    [InlineData("using System.Runtime.InteropServices; public static class N { public static void M([MarshalAs(UnmanagedType.LPStr)] string s) { } }", "marshalled")]
    [InlineData("[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(\"Other\")] public static class N { }", "to the assembly")]
    [InlineData("[System.Diagnostics.DebuggerDisplay(\"x\")] public sealed class N { }", "DebuggerDisplay")]
    [InlineData("public sealed class UnsafeAccessorAttribute : System.Attribute { } [UnsafeAccessor] public sealed class N { }", "UnsafeAccessorAttribute")]
    [InlineData("namespace System.Runtime.InteropServices { public sealed class Planted { } }", "belongs to .NET")]
    [InlineData("public static class N { public static void Say() => System.Console.WriteLine(); }", "references the assembly System.Console")]
    public async Task The_metadata_check_catches_what_the_source_checks_exist_for(string source, string part) => await Task.Run(() =>
    {
        var problems = MetadataChecker.Check(EmitUnchecked(source), ExpectedReferences);
        Assert.Contains(problems, p => p.What.Contains(part, StringComparison.Ordinal));
    });

    [Fact(Timeout = 60000)]
    public async Task The_metadata_check_accepts_what_the_compiler_writes_for_ordinary_code() => await Task.Run(() =>
    {
        Assert.Empty(MetadataChecker.Check(EmitUnchecked(OrdinaryRule), ExpectedReferences));
        Assert.Contains(MetadataChecker.Check([0x4d, 0x5a, 1, 2, 3], ExpectedReferences), p => p.What.Contains("cannot be read", StringComparison.Ordinal) || p.What.Contains("no .NET metadata", StringComparison.Ordinal));
    });

    private static readonly string[] ReferenceNames =
        ["System.Runtime", "System.Private.CoreLib", "System.Collections", "System.Collections.Immutable", "System.Linq", "System.Text.RegularExpressions", "System.Memory"];

    private static readonly HashSet<string> ExpectedReferences =
        [.. ReferenceNames, "StrategyLint.Rules", "Microsoft.CodeAnalysis", "Markdig"];

    /// <summary>Compiles as the rule compiler does (plus System.Console), with no source check and no instrumentation.</summary>
    private static byte[] EmitUnchecked(string source)
    {
        var platform = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var paths = platform.Where(p => ReferenceNames.Append("System.Console").Contains(Path.GetFileNameWithoutExtension(p))).ToList();
        paths.AddRange([typeof(StrategyRule).Assembly.Location, typeof(DiagnosticDescriptor).Assembly.Location, typeof(Markdig.Syntax.Block).Assembly.Location]);
        var usings = "global using System; global using System.Collections.Generic; global using System.Collections.Immutable; global using System.Linq; global using System.Text; global using System.Text.RegularExpressions; global using Microsoft.CodeAnalysis; global using StrategyLint.Analysis; global using StrategyLint.Syntax;";
        var options = new CSharpParseOptions(LanguageVersion.Latest);
        var compilation = CSharpCompilation.Create("Unchecked", [CSharpSyntaxTree.ParseText(source, options), CSharpSyntaxTree.ParseText(usings, options)],
            paths.Distinct().Select(p => MetadataReference.CreateFromFile(p)),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, optimizationLevel: OptimizationLevel.Release));
        using var stream = new MemoryStream();
        var emitted = compilation.Emit(stream);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        return stream.ToArray();
    }
}
