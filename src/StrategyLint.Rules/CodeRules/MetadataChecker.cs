using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace StrategyLint.CodeRules;

/// <summary>One thing the compiled image of a rule may not contain, with the type it is in (when there is one).</summary>
internal sealed record MetadataProblem(string What, string? TypeName);

/// <summary>
/// Checks the assembly compiled from a rule before it is loaded: defence in depth behind the source checks, in case
/// the compiler gives meaning to something they let through. The image must be plain IL that references only the
/// assemblies the rule was compiled against, with no native code, no explicit memory layout, no start-up code and no
/// attribute outside what the compiler itself writes for ordinary code and what a rule may apply. Each of these is
/// what the source checks already refuse, so a rule normally never meets this check.
/// </summary>
internal static class MetadataChecker
{
    // Attributes the C# compiler writes into ordinary code (nullable annotations, records, iterators, params, tuples…).
    private static readonly HashSet<string> CompilerAttributes = new(StringComparer.Ordinal)
    {
        "System.Runtime.CompilerServices.CompilerGeneratedAttribute", "System.Runtime.CompilerServices.NullableAttribute",
        "System.Runtime.CompilerServices.NullableContextAttribute", "System.Runtime.CompilerServices.IsReadOnlyAttribute",
        "System.Runtime.CompilerServices.IsByRefLikeAttribute", "System.Runtime.CompilerServices.IsUnmanagedAttribute",
        "System.Runtime.CompilerServices.RequiresLocationAttribute", "System.Runtime.CompilerServices.ScopedRefAttribute",
        "System.Runtime.CompilerServices.ExtensionAttribute", "System.Runtime.CompilerServices.TupleElementNamesAttribute",
        "System.Runtime.CompilerServices.IteratorStateMachineAttribute", "System.Runtime.CompilerServices.DecimalConstantAttribute",
        "System.Runtime.CompilerServices.ParamCollectionAttribute", "System.Runtime.CompilerServices.PreserveBaseOverridesAttribute",
        "System.Runtime.CompilerServices.RequiredMemberAttribute", "System.Runtime.CompilerServices.CompilerFeatureRequiredAttribute",
        "System.Runtime.CompilerServices.NativeIntegerAttribute", "System.Runtime.CompilerServices.ExtensionMarkerAttribute",
        "System.Diagnostics.CodeAnalysis.SetsRequiredMembersAttribute", "Microsoft.CodeAnalysis.EmbeddedAttribute",
        "System.Diagnostics.DebuggerBrowsableAttribute", "System.Diagnostics.DebuggerHiddenAttribute",
        "System.Diagnostics.DebuggerStepThroughAttribute", "System.Diagnostics.DebuggerNonUserCodeAttribute",
        "System.Reflection.DefaultMemberAttribute", "System.ParamArrayAttribute",
        // What a rule may apply itself.
        "System.ObsoleteAttribute", "System.FlagsAttribute", "System.AttributeUsageAttribute",
    };

    // Attributes the compiler writes on the assembly or the module, and only there.
    private static readonly HashSet<string> AssemblyAttributes = new(StringComparer.Ordinal)
    {
        "System.Diagnostics.DebuggableAttribute", "System.Runtime.CompilerServices.CompilationRelaxationsAttribute",
        "System.Runtime.CompilerServices.RuntimeCompatibilityAttribute", "System.Runtime.CompilerServices.RefSafetyRulesAttribute",
        "System.Runtime.CompilerServices.NullablePublicOnlyAttribute",
    };

    // Types the compiler itself adds to an assembly when the references lack them (in System or Microsoft namespaces).
    private static readonly HashSet<string> CompilerTypes = new(CompilerAttributes.Concat(AssemblyAttributes), StringComparer.Ordinal);

    // Hints the compiler may write on its own helpers; they change speed, never behaviour.
    private const MethodImplAttributes AllowedImplementationFlags =
        MethodImplAttributes.NoInlining | MethodImplAttributes.NoOptimization | MethodImplAttributes.AggressiveInlining | MethodImplAttributes.AggressiveOptimization;

    /// <summary>Every problem in the image; empty when it may be loaded.</summary>
    /// <param name="image">The emitted assembly.</param>
    /// <param name="referencedAssemblies">The names of the assemblies the rule was compiled against.</param>
    public static List<MetadataProblem> Check(byte[] image, IReadOnlySet<string> referencedAssemblies)
    {
        var problems = new List<MetadataProblem>();
        try
        {
            using var reader = new PEReader(ImmutableArray.Create(image));
            if (!reader.HasMetadata || reader.PEHeaders.CorHeader is not { } header)
                return [new MetadataProblem("the image holds no .NET metadata", null)];
            if ((header.Flags & CorFlags.ILOnly) == 0 || header.EntryPointTokenOrRelativeVirtualAddress != 0)
                problems.Add(new MetadataProblem("the image holds native code or an entry point", null));
            var metadata = reader.GetMetadataReader();
            CheckReferences(metadata, referencedAssemblies, problems);
            foreach (var handle in metadata.TypeDefinitions)
                CheckType(metadata, handle, problems);
            CheckAttributes(metadata, problems);
        }
        catch (BadImageFormatException)
        {
            problems.Add(new MetadataProblem("the image cannot be read", null));
        }
        return problems;
    }

    private static void CheckReferences(MetadataReader metadata, IReadOnlySet<string> referencedAssemblies, List<MetadataProblem> problems)
    {
        foreach (var handle in metadata.AssemblyReferences)
        {
            var name = metadata.GetString(metadata.GetAssemblyReference(handle).Name);
            if (!referencedAssemblies.Contains(name))
                problems.Add(new MetadataProblem($"it references the assembly {name}, which rules are not compiled against", null));
        }
        if (metadata.GetTableRowCount(TableIndex.ModuleRef) > 0 || metadata.GetTableRowCount(TableIndex.ImplMap) > 0)
            problems.Add(new MetadataProblem("it imports native functions (P/Invoke)", null));
        if (metadata.ExportedTypes.Count > 0 || metadata.AssemblyFiles.Count > 0 || metadata.ManifestResources.Count > 0)
            problems.Add(new MetadataProblem("it forwards types or carries other files or resources", null));
        if (metadata.DeclarativeSecurityAttributes.Count > 0)
            problems.Add(new MetadataProblem("it carries security declarations", null));
    }

    private static void CheckType(MetadataReader metadata, TypeDefinitionHandle handle, List<MetadataProblem> problems)
    {
        var type = metadata.GetTypeDefinition(handle);
        var name = FullName(metadata, handle);
        if (MetadataTokens.GetRowNumber(handle) == 1)
        {
            // <Module>: its static constructor would run as soon as the assembly is loaded.
            if (type.GetMethods().Count > 0 || type.GetFields().Count > 0)
                problems.Add(new MetadataProblem("it has code that runs when it is loaded (a module initializer)", null));
            return;
        }
        var space = metadata.GetString(type.Namespace);
        if (type.GetDeclaringType().IsNil && ApiAllowList.IsTrustedNamespace(space) && !CompilerTypes.Contains(name))
            problems.Add(new MetadataProblem($"it declares the type {name} in a namespace that belongs to .NET or StrategyLint", name));

        var compilerData = IsCompilerData(metadata, type);
        var layout = type.GetLayout();
        if ((type.Attributes & TypeAttributes.LayoutMask) == TypeAttributes.ExplicitLayout && !compilerData)
            problems.Add(new MetadataProblem($"the type {name} has an explicit memory layout (overlapping fields can make one object pass for another)", name));
        if (!layout.IsDefault && !compilerData && !(layout is { Size: 1, PackingSize: 0 } && type.GetFields().Count == 0))
            problems.Add(new MetadataProblem($"the type {name} sets its own size or packing", name));
        if ((type.Attributes & (TypeAttributes.Import | TypeAttributes.WindowsRuntime | TypeAttributes.HasSecurity)) != 0)
            problems.Add(new MetadataProblem($"the type {name} is a COM or Windows Runtime import or carries security metadata", name));

        foreach (var fieldHandle in type.GetFields())
        {
            var field = metadata.GetFieldDefinition(fieldHandle);
            var fieldName = name + "." + metadata.GetString(field.Name);
            if (field.GetOffset() != -1)
                problems.Add(new MetadataProblem($"the field {fieldName} has an explicit offset", name));
            if ((field.Attributes & (FieldAttributes.HasFieldMarshal | FieldAttributes.PinvokeImpl)) != 0)
                problems.Add(new MetadataProblem($"the field {fieldName} is marshalled for native code", name));
            if ((field.Attributes & FieldAttributes.HasFieldRVA) != 0 && !name.StartsWith("<PrivateImplementationDetails>", StringComparison.Ordinal))
                problems.Add(new MetadataProblem($"the field {fieldName} maps data from the image", name));
        }

        var isDelegate = IsDelegate(metadata, type);
        foreach (var methodHandle in type.GetMethods())
        {
            var method = metadata.GetMethodDefinition(methodHandle);
            var methodName = name + "." + metadata.GetString(method.Name);
            if ((method.Attributes & (MethodAttributes.PinvokeImpl | MethodAttributes.UnmanagedExport)) != 0)
                problems.Add(new MetadataProblem($"the method {methodName} calls native code (P/Invoke)", name));
            if ((method.Attributes & (MethodAttributes.HasSecurity | MethodAttributes.RequireSecObject)) != 0)
                problems.Add(new MetadataProblem($"the method {methodName} carries security metadata", name));
            var implementation = method.ImplAttributes;
            var codeType = implementation & MethodImplAttributes.CodeTypeMask;
            // Only a delegate's methods are provided by the runtime; everything else is IL written by the compiler.
            var codeOk = codeType == MethodImplAttributes.IL || (codeType == MethodImplAttributes.Runtime && isDelegate);
            if (!codeOk || (implementation & ~MethodImplAttributes.CodeTypeMask & ~AllowedImplementationFlags) != 0)
                problems.Add(new MetadataProblem($"the method {methodName} is implemented outside IL or changes how it runs ({implementation})", name));
            else if (codeType == MethodImplAttributes.IL && method.RelativeVirtualAddress == 0 && (method.Attributes & MethodAttributes.Abstract) == 0)
                problems.Add(new MetadataProblem($"the method {methodName} has no body (extern)", name));
            foreach (var parameterHandle in method.GetParameters())
            {
                if ((metadata.GetParameter(parameterHandle).Attributes & ParameterAttributes.HasFieldMarshal) != 0)
                    problems.Add(new MetadataProblem($"a parameter of {methodName} is marshalled for native code", name));
            }
        }
    }

    private static void CheckAttributes(MetadataReader metadata, List<MetadataProblem> problems)
    {
        foreach (var handle in metadata.CustomAttributes)
        {
            var attribute = metadata.GetCustomAttribute(handle);
            var (name, declaredHere) = AttributeType(metadata, attribute.Constructor);
            var onAssembly = attribute.Parent.Kind is HandleKind.AssemblyDefinition or HandleKind.ModuleDefinition;
            var owner = attribute.Parent.Kind == HandleKind.TypeDefinition ? FullName(metadata, (TypeDefinitionHandle)attribute.Parent) : null;
            bool allowed;
            if (AssemblyAttributes.Contains(name) || onAssembly)
                allowed = onAssembly && (AssemblyAttributes.Contains(name) || name == "System.Runtime.CompilerServices.ExtensionAttribute");
            else if (name == "System.Runtime.CompilerServices.InlineArrayAttribute")
                allowed = owner is not null && owner.StartsWith('<'); // the compiler's own buffers for collection expressions
            else
                allowed = CompilerAttributes.Contains(name)
                    || (declaredHere && !ApiAllowList.IsTrustedNamespace(name) && !ApiAllowList.IsHonouredAttributeName(name[(name.LastIndexOfAny(['.', '+']) + 1)..]));
            if (!allowed)
                problems.Add(new MetadataProblem($"it applies the attribute {name}{(onAssembly ? " to the assembly" : "")}", owner));
        }
    }

    // The attribute's type, and whether this image declares it.
    private static (string Name, bool DeclaredHere) AttributeType(MetadataReader metadata, EntityHandle constructor)
    {
        switch (constructor.Kind)
        {
            case HandleKind.MethodDefinition:
                return (FullName(metadata, metadata.GetMethodDefinition((MethodDefinitionHandle)constructor).GetDeclaringType()), true);
            case HandleKind.MemberReference:
                var parent = metadata.GetMemberReference((MemberReferenceHandle)constructor).Parent;
                return parent.Kind switch
                {
                    HandleKind.TypeReference => (FullName(metadata, (TypeReferenceHandle)parent), false),
                    HandleKind.TypeDefinition => (FullName(metadata, (TypeDefinitionHandle)parent), true),
                    _ => ("(an attribute of a constructed type)", false),
                };
            default:
                return ("(an unknown attribute)", false);
        }
    }

    // The compiler's data holders for array initializers: explicit layout with a size, and no fields at all.
    private static bool IsCompilerData(MetadataReader metadata, TypeDefinition type) =>
        !type.GetDeclaringType().IsNil
        && metadata.GetString(metadata.GetTypeDefinition(type.GetDeclaringType()).Name) == "<PrivateImplementationDetails>"
        && metadata.GetString(type.Name).StartsWith("__StaticArrayInitTypeSize=", StringComparison.Ordinal)
        && type.GetFields().Count == 0 && type.GetMethods().Count == 0;

    private static bool IsDelegate(MetadataReader metadata, TypeDefinition type) =>
        type.BaseType.Kind == HandleKind.TypeReference && FullName(metadata, (TypeReferenceHandle)type.BaseType) == "System.MulticastDelegate";

    private static string FullName(MetadataReader metadata, TypeDefinitionHandle handle)
    {
        var type = metadata.GetTypeDefinition(handle);
        var name = metadata.GetString(type.Name);
        if (!type.GetDeclaringType().IsNil)
            return FullName(metadata, type.GetDeclaringType()) + "+" + name;
        var space = metadata.GetString(type.Namespace);
        return space.Length == 0 ? name : space + "." + name;
    }

    private static string FullName(MetadataReader metadata, TypeReferenceHandle handle)
    {
        var type = metadata.GetTypeReference(handle);
        var name = metadata.GetString(type.Name);
        if (type.ResolutionScope.Kind == HandleKind.TypeReference)
            return FullName(metadata, (TypeReferenceHandle)type.ResolutionScope) + "+" + name;
        var space = metadata.GetString(type.Namespace);
        return space.Length == 0 ? name : space + "." + name;
    }
}
