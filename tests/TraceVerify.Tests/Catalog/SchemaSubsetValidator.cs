using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace TraceVerify.Tests.Catalog;

// Just enough JSON Schema (draft 2020-12) to check our own catalog schema against real catalogs: $ref to
// local $defs, type, enum, const, minLength, pattern, minItems, items, properties, required,
// additionalProperties, propertyNames, allOf/anyOf/oneOf/not, if/then. An unknown keyword fails loudly, so
// the schema cannot quietly grow past what this validator checks.
internal sealed class SchemaSubsetValidator(JsonElement root)
{
    private static readonly HashSet<string> Annotations = ["$schema", "$id", "$defs", "title", "description"];

    public IReadOnlyList<string> Validate(JsonNode? value)
    {
        var errors = new List<string>();
        Check(root, value, "$", errors);
        return errors;
    }

    private void Check(JsonElement schema, JsonNode? value, string at, List<string> errors)
    {
        foreach (var keyword in schema.EnumerateObject())
        {
            switch (keyword.Name)
            {
                case var annotation when Annotations.Contains(annotation):
                    break;
                case "$ref":
                    Check(Resolve(keyword.Value.GetString()!), value, at, errors);
                    break;
                case "type":
                    var types = keyword.Value.ValueKind == JsonValueKind.Array ? keyword.Value.EnumerateArray().Select(t => t.GetString()!).ToList() : [keyword.Value.GetString()!];
                    if (!types.Contains(TypeOf(value))) errors.Add($"{at}: is {TypeOf(value)}, expected {string.Join(" or ", types)}");
                    break;
                case "enum":
                    if (!keyword.Value.EnumerateArray().Any(e => JsonNode.DeepEquals(JsonNode.Parse(e.GetRawText()), value)))
                        errors.Add($"{at}: {value?.ToJsonString()} is not one of {keyword.Value.GetRawText()}");
                    break;
                case "const":
                    if (!JsonNode.DeepEquals(JsonNode.Parse(keyword.Value.GetRawText()), value)) errors.Add($"{at}: is not {keyword.Value.GetRawText()}");
                    break;
                case "minLength":
                    if (value is JsonValue s && s.TryGetValue<string>(out var text) && text.Length < keyword.Value.GetInt32()) errors.Add($"{at}: shorter than {keyword.Value.GetInt32()}");
                    break;
                case "pattern":
                    if (value is JsonValue p && p.TryGetValue<string>(out var matched) && !Regex.IsMatch(matched, keyword.Value.GetString()!)) errors.Add($"{at}: `{matched}` does not match {keyword.Value.GetString()}");
                    break;
                case "minItems":
                    if (value is JsonArray few && few.Count < keyword.Value.GetInt32()) errors.Add($"{at}: fewer than {keyword.Value.GetInt32()} items");
                    break;
                case "maxItems":
                    if (value is JsonArray many && many.Count > keyword.Value.GetInt32()) errors.Add($"{at}: more than {keyword.Value.GetInt32()} items");
                    break;
                case "items":
                    if (value is JsonArray items)
                    {
                        for (var k = 0; k < items.Count; k++) Check(keyword.Value, items[k], $"{at}[{k}]", errors);
                    }
                    break;
                case "properties":
                    if (value is JsonObject withProperties)
                    {
                        foreach (var property in keyword.Value.EnumerateObject())
                        {
                            if (withProperties.TryGetPropertyValue(property.Name, out var v)) Check(property.Value, v, $"{at}.{property.Name}", errors);
                        }
                    }
                    break;
                case "required":
                    if (value is JsonObject required)
                    {
                        foreach (var name in keyword.Value.EnumerateArray().Select(n => n.GetString()!).Where(n => !required.ContainsKey(n)))
                            errors.Add($"{at}: missing `{name}`");
                    }
                    break;
                case "additionalProperties":
                    if (value is JsonObject additional)
                    {
                        var declared = schema.TryGetProperty("properties", out var ps) ? ps.EnumerateObject().Select(p => p.Name).ToHashSet() : [];
                        foreach (var (name, v) in additional.Where(p => !declared.Contains(p.Key)))
                        {
                            if (keyword.Value.ValueKind == JsonValueKind.False) errors.Add($"{at}: unknown property `{name}`");
                            else Check(keyword.Value, v, $"{at}.{name}", errors);
                        }
                    }
                    break;
                case "propertyNames":
                    if (value is JsonObject named)
                    {
                        foreach (var name in named.Select(p => p.Key)) Check(keyword.Value, JsonValue.Create(name), $"{at}.{name} (name)", errors);
                    }
                    break;
                case "allOf":
                    foreach (var sub in keyword.Value.EnumerateArray()) Check(sub, value, at, errors);
                    break;
                case "anyOf":
                    if (!keyword.Value.EnumerateArray().Any(sub => Valid(sub, value, at))) errors.Add($"{at}: matches none of anyOf");
                    break;
                case "oneOf":
                    var count = keyword.Value.EnumerateArray().Count(sub => Valid(sub, value, at));
                    if (count != 1) errors.Add($"{at}: matches {count} of oneOf, expected exactly 1");
                    break;
                case "not":
                    if (Valid(keyword.Value, value, at)) errors.Add($"{at}: matches a `not` schema");
                    break;
                case "if":
                    var branch = Valid(keyword.Value, value, at) ? "then" : "else";
                    if (schema.TryGetProperty(branch, out var chosen)) Check(chosen, value, at, errors);
                    break;
                case "then" or "else":
                    break;
                default:
                    throw new UnreachableException($"the schema uses `{keyword.Name}`, which this validator does not check");
            }
        }
    }

    private bool Valid(JsonElement schema, JsonNode? value, string at)
    {
        var errors = new List<string>();
        Check(schema, value, at, errors);
        return errors.Count == 0;
    }

    private JsonElement Resolve(string reference)
    {
        if (!reference.StartsWith("#/", StringComparison.Ordinal)) throw new UnreachableException($"only local references are supported, found {reference}");
        var target = root;
        foreach (var part in reference[2..].Split('/')) target = target.GetProperty(part);
        return target;
    }

    private static string TypeOf(JsonNode? value) => value switch
    {
        null => "null",
        JsonObject => "object",
        JsonArray => "array",
        JsonValue v when v.TryGetValue<string>(out _) => "string",
        JsonValue v when v.TryGetValue<bool>(out _) => "boolean",
        JsonValue v when v.TryGetValue<long>(out _) => "integer",
        JsonValue => "number",
        _ => throw new UnreachableException($"no JSON type for {value.GetType().Name}"),
    };

    // YAML as an editor's YAML language server sees it (the core schema): quoted and block scalars are strings;
    // a plain scalar is null, a boolean, an integer or a float when it reads as one, and a string otherwise.
    public static JsonNode? FromYaml(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(p => KeyValuePair.Create(((YamlScalarNode)p.Key).Value!, FromYaml(p.Value)))),
        YamlSequenceNode list => new JsonArray(list.Children.Select(FromYaml).ToArray()),
        YamlScalarNode { Style: not ScalarStyle.Plain } quoted => JsonValue.Create(quoted.Value ?? ""),
        YamlScalarNode plain => Plain(plain.Value ?? ""),
        _ => throw new UnreachableException($"no JSON for {node.GetType().Name}"),
    };

    private static JsonNode? Plain(string text)
    {
        if (text is "" or "~" or "null" or "Null" or "NULL") return null;
        if (text is "true" or "True" or "TRUE") return JsonValue.Create(true);
        if (text is "false" or "False" or "FALSE") return JsonValue.Create(false);
        if (Regex.IsMatch(text, "^[-+]?[0-9]+$") && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer)) return JsonValue.Create(integer);
        if (Regex.IsMatch(text, @"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")) return JsonValue.Create(double.Parse(text, CultureInfo.InvariantCulture));
        return JsonValue.Create(text);
    }
}
