using System.Reflection;
using System.Reflection.Emit;

namespace TradingBot.Acceptance.UnitTests.Architecture;

/// <summary>The types one type refers to: in its signatures, its attributes and the instructions of its method bodies.</summary>
internal static class TypeReferences
{
    public static IEnumerable<Type> ReferencedTypes(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var signatures = type.GetFields(all).Select(field => field.FieldType)
            .Concat(type.GetProperties(all).Select(property => property.PropertyType))
            .Concat(type.GetMethods(all).SelectMany(method => method.GetParameters().Select(parameter => parameter.ParameterType).Append(method.ReturnType)))
            .Concat(type.GetConstructors(all).SelectMany(constructor => constructor.GetParameters().Select(parameter => parameter.ParameterType)))
            .Concat(type.GetInterfaces())
            .Concat(type.GetCustomAttributesData().Select(attribute => attribute.AttributeType))
            .Append(type.BaseType ?? typeof(object));
        var bodies = type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all))
            .SelectMany(method => MethodBodyTypes(type.Module, method));
        return signatures.Concat(bodies).SelectMany(Unwrap);
    }

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(field => (OpCode)field.GetValue(null)!)
        .ToDictionary(code => code.Value);

    // Types named by a method body's instructions (calls, news, casts, field accesses), decoded opcode by opcode.
    private static List<Type> MethodBodyTypes(Module module, MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray() ?? [];
        var typeArguments = method.DeclaringType?.IsGenericType == true ? method.DeclaringType.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var types = new List<Type>();
        for (var offset = 0; offset < il.Length;)
        {
            var code = il[offset] == 0xFE ? OpCodesByValue[(short)(0xFE00 | il[offset + 1])] : OpCodesByValue[il[offset]];
            offset += code.Size;
            if (code.OperandType is OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok)
            {
                var member = module.ResolveMember(BitConverter.ToInt32(il, offset), typeArguments, methodArguments);
                types.Add(member as Type ?? member!.DeclaringType!);
            }

            offset += code.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, offset),
                _ => 4,
            };
        }

        return types;
    }

    private static IEnumerable<Type> Unwrap(Type type) =>
        type.HasElementType ? Unwrap(type.GetElementType()!)
        : type.IsGenericType ? type.GetGenericArguments().Where(argument => !argument.IsGenericParameter).SelectMany(Unwrap).Append(type.GetGenericTypeDefinition())
        : [type];
}
