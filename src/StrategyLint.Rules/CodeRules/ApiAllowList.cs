using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace StrategyLint.CodeRules;

/// <summary>One use of an API or construct a C# rule may not use, with where it is.</summary>
internal sealed record ForbiddenUse(Location Location, string What, string Reason);

/// <summary>
/// What a C# rule may touch. Rules run in CI on code from pull requests, so this is an allow-list, not a deny-list:
/// every type and member the rule's own code names, calls or produces a value of must come from the rule API,
/// Markdig's syntax tree, Roslyn's text types, collections, LINQ, text and a short list of System types. Anything
/// else is refused with the reason a reviewer needs (file system, network, processes, environment, reflection,
/// interop, threads). <see cref="SourceChecker"/> walks the code; this class is the policy it applies.
/// </summary>
internal static class ApiAllowList
{
    private static readonly HashSet<string> AllowedNamespaces = new(StringComparer.Ordinal)
    {
        "System.Collections.Generic", "System.Collections.Immutable", "System.Collections.ObjectModel", "System.Linq",
        "System.Text", "System.Globalization", "System.Text.RegularExpressions", "Microsoft.CodeAnalysis.Text",
        "Markdig.Syntax", "Markdig.Syntax.Inlines", "Markdig.Extensions.Tables", "Markdig.Extensions.Yaml",
        "StrategyLint.Analysis", "StrategyLint.Syntax", "StrategyLint.Profiles",
    };

    private static readonly HashSet<string> AllowedTypes = new(StringComparer.Ordinal)
    {
        "System.Object", "System.String", "System.Char", "System.Boolean", "System.Byte", "System.SByte", "System.Int16", "System.UInt16",
        "System.Int32", "System.UInt32", "System.Int64", "System.UInt64", "System.Single", "System.Double", "System.Decimal", "System.Half",
        "System.Math", "System.MathF", "System.MidpointRounding", "System.StringComparison", "System.StringComparer", "System.StringSplitOptions",
        "System.CharEnumerator", "System.Array",
        "System.Span`1", "System.ReadOnlySpan`1", "System.Memory`1", "System.ReadOnlyMemory`1", "System.MemoryExtensions", "System.Index", "System.Range",
        "System.Nullable`1", "System.Enum", "System.ValueType", "System.Attribute", "System.Tuple", "System.ValueTuple",
        "System.DateTime", "System.DateTimeKind", "System.DateOnly", "System.TimeOnly", "System.DateTimeOffset", "System.TimeSpan", "System.DayOfWeek",
        "System.Guid", "System.Version",
        "System.Lazy`1", "System.Convert", "System.IEquatable`1", "System.IComparable`1", "System.IComparable", "System.IDisposable",
        "System.FormattableString", "System.IFormatProvider", "System.HashCode", "System.Action", "System.Comparison`1", "System.Predicate`1", "System.Converter`2",
        "System.Exception", "System.ArgumentException", "System.ArgumentNullException", "System.ArgumentOutOfRangeException", "System.InvalidOperationException",
        "System.NotSupportedException", "System.NotImplementedException", "System.FormatException", "System.IndexOutOfRangeException",
        "System.ObsoleteAttribute", "System.FlagsAttribute", "System.AttributeUsageAttribute", "System.AttributeTargets",
        "System.Collections.IEnumerable", "System.Collections.IEnumerator",
        // Positional patterns on an object ("o is (1, 2)") read tuples through it: a length and elements as objects.
        "System.Runtime.CompilerServices.ITuple",
        "System.Threading.CancellationToken", "Microsoft.CodeAnalysis.DiagnosticDescriptor", "Microsoft.CodeAnalysis.DiagnosticSeverity", "Microsoft.CodeAnalysis.LocalizableString",
    };

    // Delegates and tuples come in many arities; the name without its arity decides.
    private static readonly string[] AllowedGenericFamilies = ["System.Func`", "System.Action`", "System.Tuple`", "System.ValueTuple`"];

    private const string ProcessWide = "rules may not change settings the whole process shares (other rules and documents would see them)";
    private const string FiniteTimeout = "a regular expression needs a finite match timeout, so a pattern cannot stall the run";

    // Members of allowed types that still open a door, with the reason each is refused.
    private static readonly Dictionary<string, string> DeniedMembers = new(StringComparer.Ordinal)
    {
        ["System.Object.GetType"] = "rules may not use reflection",
        ["System.Enum.GetValues"] = "rules may not use reflection (list the values you need instead)",
        ["System.Enum.GetNames"] = "rules may not use reflection (list the names you need instead)",
        ["System.Enum.GetValuesAsUnderlyingType"] = "rules may not use reflection (list the values you need instead)",
        ["System.Array.CreateInstance"] = "rules may not use reflection (create arrays with 'new T[n]')",
        ["System.Array.CreateInstanceFromArrayType"] = "rules may not use reflection (create arrays with 'new T[n]')",
        ["System.Text.Encoding.RegisterProvider"] = ProcessWide,
        ["System.Globalization.CultureInfo.DefaultThreadCurrentCulture"] = ProcessWide,
        ["System.Globalization.CultureInfo.DefaultThreadCurrentUICulture"] = ProcessWide,
        ["System.Globalization.CultureInfo.ClearCachedData"] = ProcessWide,
        ["System.Text.RegularExpressions.Regex.CacheSize"] = ProcessWide,
        ["System.Text.RegularExpressions.Regex.InfiniteMatchTimeout"] = FiniteTimeout,
        ["System.Text.RegularExpressions.Regex.internalMatchTimeout"] = FiniteTimeout,
    };

    // Properties a rule may read but not set.
    private static readonly Dictionary<string, string> DeniedSetters = new(StringComparer.Ordinal)
    {
        ["System.Globalization.CultureInfo.CurrentCulture"] = ProcessWide,
        ["System.Globalization.CultureInfo.CurrentUICulture"] = ProcessWide,
    };

    /// <summary>The reason, in a reviewer's words, a namespace is off limits.</summary>
    private static readonly (string Prefix, string Reason)[] Reasons =
    [
        ("System.IO", "rules may not use the file system"),
        ("System.Net", "rules may not use the network"),
        ("System.Diagnostics", "rules may not start processes or inspect the machine"),
        ("System.Reflection", "rules may not use reflection"),
        ("System.Type", "rules may not use reflection"),
        ("System.Activator", "rules may not use reflection"),
        ("System.Delegate", "rules may not use reflection"),
        ("System.MulticastDelegate", "rules may not use reflection"),
        ("System.Runtime.InteropServices", "rules may not call native code (interop)"),
        ("System.Runtime.Loader", "rules may not load code"),
        ("System.Runtime", "rules may not use runtime services (unsafe code, interop, loading code)"),
        ("System.Threading", "rules may not start threads, tasks or timers, or wait"),
        ("System.Environment", "rules may not read the environment (variables, machine, process)"),
        ("System.AppContext", "rules may not read the environment (variables, machine, process)"),
        ("System.AppDomain", "rules may not read the environment (variables, machine, process)"),
        ("System.Console", "rules may not read or write the console; report findings through the context"),
        ("System.GC", "rules may not control the garbage collector"),
        ("System.Security", "rules may not use security or cryptography services"),
        ("Microsoft.Win32", "rules may not use the registry or the operating system"),
    ];

    /// <summary>
    /// Root namespaces whose names the allow-list and the compiler trust: a rule may not declare its own types there
    /// (a rule's own "System.Runtime.InteropServices.StructLayoutAttribute" is honoured by the compiler).
    /// </summary>
    internal static readonly string[] TrustedRoots = ["System", "Microsoft", "StrategyLint", "Markdig", "Windows"];

    /// <summary>The attributes from .NET a rule may apply; it may also apply attributes it declares itself.</summary>
    private static readonly HashSet<string> AllowedAttributes = new(StringComparer.Ordinal)
    {
        "System.ObsoleteAttribute", "System.FlagsAttribute", "System.AttributeUsageAttribute",
    };

    /// <summary>
    /// Names (without the "Attribute" suffix) the C# compiler or the .NET runtime give a meaning to: memory layout,
    /// native code, start-up code, access checks, code generation. Refused in any namespace, whoever declares them.
    /// </summary>
    private static readonly HashSet<string> HonouredAttributeNames = new(StringComparer.OrdinalIgnoreCase)
    {
        // Layout and interop (pseudo-attributes become metadata flags).
        "StructLayout", "FieldOffset", "ExtendedLayout", "InlineArray", "FixedBuffer", "MarshalAs", "DllImport", "LibraryImport",
        "DefaultDllImportSearchPaths", "DefaultCharSet", "DisableRuntimeMarshalling", "UnmanagedCallersOnly", "UnmanagedCallConv",
        "UnmanagedFunctionPointer", "SuppressGCTransition", "PreserveSig", "In", "Out", "Optional", "DefaultParameterValue",
        "ComImport", "Guid", "CoClass", "ComVisible", "ComSourceInterfaces", "ComEventInterface", "ComDefaultInterface",
        "ComCompatibleVersion", "ClassInterface", "InterfaceType", "TypeIdentifier", "TypeLibType", "TypeLibVersion", "DispId",
        "LCIDConversion", "BestFitMapping", "PrimaryInteropAssembly", "ImportedFromTypeLib", "WindowsRuntimeImport",
        "ManagedToNativeComInteropStub", "NativeCallableInternal", "ObjectiveCTrackedType", "MarshalingBehavior",
        "IUnknownConstant", "IDispatchConstant", "Serializable", "NonSerialized",
        // Code generation and the runtime.
        "MethodImpl", "SpecialName", "SkipLocalsInit", "ModuleInitializer", "UnsafeAccessor", "UnsafeAccessorType",
        "IgnoresAccessChecksTo", "InternalsVisibleTo", "TypeForwardedTo", "TypeForwardedFrom", "RuntimeCompatibility",
        "CompilationRelaxations", "AsyncMethodBuilder", "AsyncStateMachine", "AsyncIteratorStateMachine", "IteratorStateMachine",
        "RuntimeAsyncMethodGeneration", "CollectionBuilder", "InterpolatedStringHandler", "InterpolatedStringHandlerArgument",
        "InterceptsLocation", "OverloadResolutionPriority", "Experimental", "RequiredMember", "CompilerFeatureRequired",
        "SetsRequiredMembers", "IsByRefLike", "IsReadOnly", "IsUnmanaged", "RequiresLocation", "ScopedRef", "UnscopedRef",
        "RefSafetyRules", "Nullable", "NullableContext", "NullablePublicOnly", "NativeInteger", "Dynamic", "TupleElementNames",
        "Extension", "ExtensionMarker", "ParamArray", "ParamCollection", "DefaultMember", "IndexerName", "Conditional",
        "CallerFilePath", "CallerLineNumber", "CallerMemberName", "CallerArgumentExpression", "EnumeratorCancellation",
        "DecimalConstant", "DateTimeConstant", "CompilerGenerated", "CompilerLoweringPreserve", "Embedded", "Intrinsic",
        "NonVersionable", "FixedAddressValueType", "UnsafeValueType", "ThreadStatic", "ContextStatic", "PreserveBaseOverrides",
        "StackTraceHidden", "Debuggable", "DebuggerHidden", "DebuggerStepThrough", "DebuggerNonUserCode", "DebuggerBrowsable",
        "DebuggerDisplay", "DebuggerTypeProxy", "DebuggerStepperBoundary", "DebuggerDisableUserUnhandledExceptions",
        "MetadataUpdateHandler", "MetadataUpdateOriginalType", "CreateNewOnMetadataUpdate", "ReferenceAssembly",
        "DynamicDependency", "DynamicallyAccessedMembers", "RequiresUnreferencedCode", "RequiresDynamicCode",
        "RequiresAssemblyFiles", "RequiresPreviewFeatures", "UnconditionalSuppressMessage", "SuppressMessage",
        "STAThread", "MTAThread", "CLSCompliant", "Obsolete", "Flags", "AttributeUsage", "Deprecated",
        // Security (ignored by .NET today, honoured by older runtimes).
        "SecurityCritical", "SecuritySafeCritical", "SecurityTransparent", "SecurityRules", "AllowPartiallyTrustedCallers",
        "SuppressUnmanagedCodeSecurity", "UnverifiableCode", "SecurityPermission", "PermissionSet", "HostProtection",
        "DynamicSecurityMethod",
    };

    /// <summary>Whether the compiler or the runtime give an attribute of this type name a meaning.</summary>
    internal static bool IsHonouredAttributeName(string typeName)
    {
        var name = typeName.Split('`')[0];
        return HonouredAttributeNames.Contains(name)
            || (name.EndsWith("Attribute", StringComparison.OrdinalIgnoreCase) && HonouredAttributeNames.Contains(name[..^"Attribute".Length]));
    }

    /// <summary>Whether a namespace (by its full name) is one whose names the compiler or the allow-list trust.</summary>
    internal static bool IsTrustedNamespace(string fullName) =>
        TrustedRoots.Any(r => fullName == r || fullName.StartsWith(r + ".", StringComparison.Ordinal));

    /// <summary>Every forbidden use in the compilation's trees, in source order.</summary>
    public static List<ForbiddenUse> Check(Compilation compilation) => SourceChecker.Check(compilation);

    /// <summary>Why an attribute type may not be applied by a rule, or null when it may.</summary>
    internal static string? AttributeRefusal(INamedTypeSymbol attribute, bool declaredByRule)
    {
        if (!declaredByRule && AllowedAttributes.Contains(Metadata(attribute.OriginalDefinition)))
            return null;
        if (IsHonouredAttributeName(attribute.MetadataName))
            return $"the compiler or the .NET runtime give the attribute '{attribute.Name}' a special meaning (memory layout, native code, start-up code, access checks or code generation)";
        if (declaredByRule)
            return null;
        return "rules may only apply the attributes Obsolete, Flags and AttributeUsage, and attributes they declare themselves";
    }

    /// <summary>Why a referenced symbol (declared outside the rule) is refused, or null when it is allowed.</summary>
    internal static string? Refusal(ISymbol symbol)
    {
        if (symbol is ITypeSymbol typeSymbol and not INamedTypeSymbol)
            return TypeRefusal(typeSymbol);
        var type = symbol as INamedTypeSymbol ?? symbol.ContainingType;
        if (type is null)
            return null;
        var typeName = Metadata(type.OriginalDefinition);
        var memberName = symbol is INamedTypeSymbol ? typeName : typeName + "." + symbol.Name;
        if (DeniedMembers.TryGetValue(memberName, out var denied))
            return denied;
        if (symbol is IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.Ordinary } method
            && typeName == "System.Text.RegularExpressions.Regex" && (method.MethodKind == MethodKind.Constructor || method.IsStatic)
            && method.Name is not ("Escape" or "Unescape") && !method.Parameters.Any(p => p.Type.Name == "TimeSpan"))
            return "a regular expression needs a match timeout here (the overload with a TimeSpan), so a pattern cannot stall the run";
        if (!IsAllowed(type))
            return ReasonFor(memberName) ?? ReasonFor(typeName) ?? NotListed;
        // A member of an allowed type that hands out a refused type opens the same door (Exception.TargetSite gives reflection).
        return symbol switch
        {
            IMethodSymbol m => TypeRefusal(m.ReturnType),
            IPropertySymbol p => TypeRefusal(p.Type),
            IFieldSymbol f => TypeRefusal(f.Type),
            IEventSymbol e => TypeRefusal(e.Type),
            _ => null,
        };
    }

    /// <summary>Why a property may not be set by a rule (it may be read), or null.</summary>
    internal static string? SetterRefusal(IPropertySymbol property) =>
        DeniedSetters.GetValueOrDefault(Metadata(property.ContainingType.OriginalDefinition) + "." + property.Name);

    /// <summary>
    /// Why a value of this type may not exist in a rule, or null: the type, its element type and its type arguments
    /// must all be allowed. Types the rule declares, type parameters, anonymous types and void are fine.
    /// </summary>
    internal static string? TypeRefusal(ITypeSymbol type, IAssemblySymbol? own = null)
    {
        switch (type)
        {
            case ITypeParameterSymbol or IErrorTypeSymbol:
                return null;
            case IArrayTypeSymbol array:
                return TypeRefusal(array.ElementType, own);
            case IPointerTypeSymbol or IFunctionPointerTypeSymbol:
                return "rules may not use unsafe or native code";
            case IDynamicTypeSymbol:
                return "rules may not use 'dynamic' (it binds members at run time, past the allow-list)";
            case INamedTypeSymbol named:
                if (named.SpecialType == SpecialType.System_Void || named.IsAnonymousType)
                    return null;
                var declaredByRule = own is not null && SymbolEqualityComparer.Default.Equals(named.OriginalDefinition.ContainingAssembly, own);
                if (!declaredByRule && !named.IsTupleType && Refusal(named) is { } reason)
                    return reason;
                foreach (var argument in named.TypeArguments)
                {
                    if (TypeRefusal(argument, own) is { } argumentReason)
                        return argumentReason;
                }
                return named.ContainingType is { } outer ? TypeRefusal(outer, own) : null;
            default:
                return null;
        }
    }

    private const string NotListed = "it is not among the APIs C# rules may use (the rule API, Markdig's syntax tree, collections, LINQ, text and basic System types)";

    private static bool IsAllowed(INamedTypeSymbol type)
    {
        for (var outer = type; outer is not null; outer = outer.ContainingType)
        {
            var name = Metadata(outer.OriginalDefinition);
            if (AllowedTypes.Contains(name) || AllowedGenericFamilies.Any(f => name.StartsWith(f, StringComparison.Ordinal)))
                return true;
            if (outer.ContainingType is null && AllowedNamespaces.Contains(outer.ContainingNamespace.ToDisplayString()))
                return true;
        }
        return false;
    }

    private static string? ReasonFor(string name) =>
        Reasons.FirstOrDefault(r => name == r.Prefix || name.StartsWith(r.Prefix + ".", StringComparison.Ordinal)).Reason;

    internal static string Metadata(INamedTypeSymbol type) =>
        (type.ContainingType is { } outer ? Metadata(outer) + "+" : type.ContainingNamespace.IsGlobalNamespace ? "" : type.ContainingNamespace.ToDisplayString() + ".")
        + type.MetadataName;
}
