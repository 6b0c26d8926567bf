using System.Text.Json.Serialization;

namespace DualHome.Control;

/// <summary>
/// Source-generated (reflection-free, NativeAOT-safe) JSON for the control protocol: camelCase names,
/// the status as its name, unknown properties rejected so a typo ("cmd") is reported instead of ignored.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(ControlRequest))]
[JsonSerializable(typeof(ControlResponse))]
internal sealed partial class ControlJsonContext : JsonSerializerContext;
