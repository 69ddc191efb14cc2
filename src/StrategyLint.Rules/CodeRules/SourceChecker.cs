using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace StrategyLint.CodeRules;

/// <summary>
/// Applies <see cref="ApiAllowList"/> to a rule's code, in two passes. The syntax pass checks every name the code
/// writes, the members the compiler picks for it without a name (foreach, deconstruction, collection initializers,
/// query clauses), the attributes it applies, the namespaces it declares, and the constructs rules may not use at
/// all (stackalloc, lock, async, finalizers, typeof, unsafe code). The operation pass checks what the code does
/// once bound: every member it calls or reads (operators, conversions and indexers included) and the type of every
/// value it produces, so a refused type cannot arrive through 'var', an inferred lambda or a property chain.
/// </summary>
internal sealed class SourceChecker : CSharpSyntaxWalker
{
    private readonly SemanticModel _model;
    private readonly IAssemblySymbol _own;
    private readonly List<ForbiddenUse> _found;

    private SourceChecker(SemanticModel model, IAssemblySymbol own, List<ForbiddenUse> found) : base(SyntaxWalkerDepth.Token)
    {
        _model = model;
        _own = own;
        _found = found;
    }

    /// <summary>Every forbidden use in the compilation's trees, one per line and reason, in source order.</summary>
    public static List<ForbiddenUse> Check(Compilation compilation)
    {
        var named = new List<ForbiddenUse>();
        var produced = new List<(ForbiddenUse Use, TextSpan Span)>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            var model = compilation.GetSemanticModel(tree);
            new SourceChecker(model, compilation.Assembly, named).Visit(tree.GetRoot());
            SweepOperations(model, compilation.Assembly, produced);
        }
        // What the operations find is mostly the consequence of a name already reported (File.ReadAllText is a name,
        // a call and a string; Marshal.AllocHGlobal also makes an IntPtr): an operation's finding is kept only when
        // nothing inside it was reported, and only the first for one piece of code (the member before the type).
        var found = new List<ForbiddenUse>(named);
        foreach (var group in produced.GroupBy(p => (p.Use.Location.SourceTree, p.Span)))
        {
            var (use, span) = group.First();
            bool Within(Location location) => location.SourceTree == use.Location.SourceTree && span.Contains(location.SourceSpan);
            if (!named.Any(n => Within(n.Location)) && !produced.Any(p => p.Span != span && Within(p.Use.Location)))
                found.Add(use);
        }
        // "File.ReadAllText" names the type and the method: one finding, naming the method, placed where the type starts.
        return [.. found.GroupBy(f => (f.Location.GetLineSpan().StartLinePosition.Line, f.Location.SourceTree, f.Reason))
            .Select(g => g.MaxBy(f => f.What.Length)! with { Location = g.MinBy(f => f.Location.SourceSpan.Start)!.Location })
            .OrderBy(f => f.Location.SourceTree?.FilePath, StringComparer.Ordinal).ThenBy(f => f.Location.SourceSpan.Start)];
    }

    public override void Visit(SyntaxNode? node)
    {
        // A refused attribute is reported once, as a whole, not once per name inside it.
        if (node is not null && CheckNode(node))
            base.Visit(node);
    }

    public override void VisitToken(SyntaxToken token)
    {
        switch (token.Kind())
        {
            case SyntaxKind.UnsafeKeyword or SyntaxKind.FixedKeyword or SyntaxKind.ArgListKeyword or SyntaxKind.MakeRefKeyword
                or SyntaxKind.RefTypeKeyword or SyntaxKind.RefValueKeyword:
            case SyntaxKind.ExternKeyword when token.Parent is not ExternAliasDirectiveSyntax:
                Report(token.GetLocation(), $"'{token.Text}'", "rules may not use unsafe or native code");
                break;
            case SyntaxKind.AsyncKeyword:
                Report(token.GetLocation(), "'async'", "rules may not run code asynchronously ('async' methods and lambdas, 'async void' too, go on running outside the rule's time budget)");
                break;
        }
        base.VisitToken(token);
    }

    /// <summary>Checks one node; false when the node was refused as a whole and its insides need no report.</summary>
    private bool CheckNode(SyntaxNode node)
    {
        switch (node)
        {
            case BaseNamespaceDeclarationSyntax declaration:
                CheckNamespace(declaration);
                break;
            case BaseTypeDeclarationSyntax { Parent: CompilationUnitSyntax } type when ApiAllowList.TrustedRoots.Contains(type.Identifier.ValueText):
                Report(type.Identifier.GetLocation(), $"a type named {type.Identifier.ValueText}", TrustedNamespaceReason);
                break;
            case AttributeListSyntax { Target.Identifier: var target } list when target.IsKind(SyntaxKind.AssemblyKeyword) || target.IsKind(SyntaxKind.ModuleKeyword):
                Report(list.GetLocation(), $"[{target.Text}: …]", "rules may not set attributes of the whole assembly or module");
                return false;
            case AttributeSyntax attribute:
                return CheckAttribute(attribute);
            case TypeOfExpressionSyntax:
                Report(node.GetLocation(), "typeof(…)", "rules may not use reflection");
                break;
            case StackAllocArrayCreationExpressionSyntax or ImplicitStackAllocArrayCreationExpressionSyntax:
                Report(node.GetFirstToken().GetLocation(), "'stackalloc'", "rules may not allocate on the stack (a large 'stackalloc' overflows it and ends the run)");
                break;
            case LockStatementSyntax statement:
                Report(statement.LockKeyword.GetLocation(), "'lock'", "rules may not wait on locks (documents are checked at the same time, and two of them could deadlock)");
                break;
            case DestructorDeclarationSyntax finalizer:
                Report(finalizer.Identifier.GetLocation(), $"the finalizer ~{finalizer.Identifier.ValueText}()", "a finalizer runs on the runtime's own thread, outside the rule's time budget");
                break;
            case FunctionPointerTypeSyntax:
                Report(node.GetLocation(), "a function pointer", "rules may not use unsafe or native code");
                break;
            case QueryClauseSyntax clause:
                var info = _model.GetQueryClauseInfo(clause);
                CheckSymbol(info.CastInfo.Symbol, clause);
                CheckSymbol(info.OperationInfo.Symbol, clause);
                break;
            case SelectOrGroupClauseSyntax or OrderingSyntax:
                CheckSymbol(_model.GetSymbolInfo(node).Symbol, node);
                break;
            case CommonForEachStatementSyntax loop:
                var each = _model.GetForEachStatementInfo(loop);
                foreach (var symbol in new ISymbol?[] { each.GetEnumeratorMethod, each.MoveNextMethod, each.CurrentProperty, each.DisposeMethod, each.ElementConversion.MethodSymbol })
                    CheckSymbol(symbol, loop.Expression);
                if (loop is ForEachVariableStatementSyntax deconstructing)
                    CheckDeconstruction(_model.GetDeconstructionInfo(deconstructing), loop.Expression);
                break;
            case AssignmentExpressionSyntax { Left: TupleExpressionSyntax or DeclarationExpressionSyntax } assignment:
                CheckDeconstruction(_model.GetDeconstructionInfo(assignment), assignment.Right);
                break;
            case InitializerExpressionSyntax initializer when initializer.IsKind(SyntaxKind.CollectionInitializerExpression):
                foreach (var element in initializer.Expressions)
                    CheckSymbol(_model.GetCollectionInitializerSymbolInfo(element).Symbol, element);
                break;
            case SimpleNameSyntax or BaseObjectCreationExpressionSyntax or ElementAccessExpressionSyntax or ImplicitElementAccessSyntax:
                CheckName(node);
                break;
        }
        return true;
    }

    private const string TrustedNamespaceReason =
        "rules may not declare types in the System, Microsoft, StrategyLint, Markdig or Windows namespaces (the compiler and this check trust the names there); use a namespace of your own, such as HouseRules";

    private void CheckNamespace(BaseNamespaceDeclarationSyntax declaration)
    {
        var name = _model.GetDeclaredSymbol(declaration)?.ToDisplayString() ?? declaration.Name.ToString();
        var outer = declaration.Parent is BaseNamespaceDeclarationSyntax parent ? _model.GetDeclaredSymbol(parent)?.ToDisplayString() : null;
        if (ApiAllowList.IsTrustedNamespace(name) && (outer is null || !ApiAllowList.IsTrustedNamespace(outer)))
            Report(declaration.Name.GetLocation(), $"the namespace {name}", TrustedNamespaceReason);
    }

    /// <summary>Checks an applied attribute; false when it is refused (and reported as a whole).</summary>
    private bool CheckAttribute(AttributeSyntax attribute)
    {
        var info = _model.GetSymbolInfo(attribute);
        var type = (info.Symbol ?? info.CandidateSymbols.FirstOrDefault())?.ContainingType;
        if (type is null || ApiAllowList.AttributeRefusal(type, IsOwn(type)) is not { } reason)
            return true;
        Report(attribute.GetLocation(), $"the attribute [{attribute.Name}]", reason);
        return false;
    }

    private void CheckName(SyntaxNode syntax)
    {
        // 'var' only names a type the right-hand side already produced, and that is where it is reported.
        if (syntax is IdentifierNameSyntax { IsVar: true })
            return;
        var info = _model.GetSymbolInfo(syntax);
        var symbol = info.Symbol ?? info.CandidateSymbols.FirstOrDefault();
        CheckSymbol(symbol, syntax);
        if (symbol is IPropertySymbol property && !IsOwn(property) && ApiAllowList.SetterRefusal(property) is { } reason && IsWrittenTo(syntax))
            Report(syntax.GetLocation(), $"setting {property.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat)}", reason);
    }

    private void CheckDeconstruction(DeconstructionInfo info, SyntaxNode at)
    {
        CheckSymbol(info.Method, at);
        CheckSymbol(info.Conversion?.MethodSymbol, at);
        foreach (var nested in info.Nested)
            CheckDeconstruction(nested, at);
    }

    private void CheckSymbol(ISymbol? symbol, SyntaxNode at)
    {
        if (symbol is null or INamespaceSymbol or ILocalSymbol or IParameterSymbol or ILabelSymbol or IRangeVariableSymbol or IDiscardSymbol or ITypeParameterSymbol)
            return;
        if (!IsOwn(symbol) && ApiAllowList.Refusal(symbol) is { } reason)
            Report(at.GetLocation(), symbol.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat), reason);
    }

    // Declared by the rule itself: its code is checked where it is written.
    private bool IsOwn(ISymbol symbol) =>
        SymbolEqualityComparer.Default.Equals(symbol.OriginalDefinition.ContainingAssembly, _own) || symbol.Locations.Any(l => l.IsInSource);

    // Whether a property named here is assigned (x.P = …, x.P += …, x.P++, (x.P, y) = …).
    private static bool IsWrittenTo(SyntaxNode name)
    {
        var node = name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access : name;
        while (node.Parent is ParenthesizedExpressionSyntax or TupleExpressionSyntax or ArgumentSyntax { Parent: TupleExpressionSyntax })
            node = node.Parent;
        return node.Parent switch
        {
            AssignmentExpressionSyntax assignment => assignment.Left == node,
            PrefixUnaryExpressionSyntax or PostfixUnaryExpressionSyntax => node.Parent.IsKind(SyntaxKind.PreIncrementExpression) || node.Parent.IsKind(SyntaxKind.PreDecrementExpression)
                || node.Parent.IsKind(SyntaxKind.PostIncrementExpression) || node.Parent.IsKind(SyntaxKind.PostDecrementExpression),
            _ => false,
        };
    }

    private void Report(Location location, string what, string reason) => _found.Add(new ForbiddenUse(location, what, reason));

    /// <summary>The operation pass: every member the bound code uses and every value type it produces.</summary>
    private static void SweepOperations(SemanticModel model, IAssemblySymbol own, List<(ForbiddenUse, TextSpan)> found)
    {
        bool Own(ISymbol symbol) => SymbolEqualityComparer.Default.Equals(symbol.OriginalDefinition.ContainingAssembly, own) || symbol.Locations.Any(l => l.IsInSource);
        void Add(IOperation at, string what, string reason) => found.Add((new ForbiddenUse(at.Syntax.GetLocation(), what, reason), at.Syntax.Span));
        void Member(IOperation at, ISymbol? symbol)
        {
            if (symbol is not null && !Own(symbol) && ApiAllowList.Refusal(symbol) is { } reason)
                Add(at, symbol.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat), reason);
        }

        foreach (var node in model.SyntaxTree.GetRoot().DescendantNodes())
        {
            if (model.GetOperation(node) is not { Parent: null } root)
                continue;
            foreach (var operation in root.DescendantsAndSelf())
            {
                switch (operation)
                {
                    case IInvocationOperation invocation: Member(operation, invocation.TargetMethod); break;
                    case IObjectCreationOperation creation: Member(operation, creation.Constructor); break;
                    case IMemberReferenceOperation reference: Member(operation, reference.Member); break;
                    case IConversionOperation conversion: Member(operation, conversion.OperatorMethod); break;
                    case IBinaryOperation binary: Member(operation, binary.OperatorMethod); break;
                    case IUnaryOperation unary: Member(operation, unary.OperatorMethod); break;
                    case ICompoundAssignmentOperation compound: Member(operation, compound.OperatorMethod); break;
                    case IIncrementOrDecrementOperation increment: Member(operation, increment.OperatorMethod); break;
                    case ICollectionExpressionOperation collection: Member(operation, collection.ConstructMethod); break;
                    case IWithOperation with: Member(operation, with.CloneMethod); break;
                    case IRangeOperation range: Member(operation, range.Method); break;
                    case IRecursivePatternOperation pattern: Member(operation, pattern.DeconstructSymbol); break;
                    case IImplicitIndexerReferenceOperation indexer:
                        Member(operation, indexer.LengthSymbol);
                        Member(operation, indexer.IndexerSymbol);
                        break;
                    case IVariableDeclaratorOperation declarator when ApiAllowList.TypeRefusal(declarator.Symbol.Type, own) is { } localReason:
                        Add(operation, $"a variable of type {declarator.Symbol.Type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat)}", localReason);
                        break;
                }
                // A constant (null, a number, an enum member) carries nothing; its name, if any, was checked where it is written.
                if (operation.Type is { } type && !operation.ConstantValue.HasValue && ApiAllowList.TypeRefusal(type, own) is { } typeReason)
                    Add(operation, $"a value of type {type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat)}", typeReason);
            }
        }
    }
}
