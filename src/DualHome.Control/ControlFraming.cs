using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.Unicode;

namespace DualHome.Control;

/// <summary>
/// The wire format of the control socket: one UTF-8 JSON object per line, terminated by '\n' (a '\r'
/// before it is tolerated). The client writes a request line, the server answers with one response line;
/// a connection may carry any number of such exchanges, strictly in turn.
/// A request line longer than <see cref="MaxRequestBytes"/> is answered with Usage "request too long" and the
/// connection is closed (the rest of the line cannot be told from the next request).
/// </summary>
public static class ControlFraming
{
    /// <summary>Longest request line, newline excluded.</summary>
    public const int MaxRequestBytes = 64 * 1024;

    /// <summary>Longest response line the client accepts and the server sends (show log, show config can be long).</summary>
    public const int MaxResponseBytes = 1024 * 1024;

    /// <summary>The request as one line, newline included.</summary>
    public static byte[] EncodeRequest(ControlRequest request) => Encode(request, ControlJsonContext.Default.ControlRequest);

    /// <summary>The response as one line, newline included.</summary>
    public static byte[] EncodeResponse(ControlResponse response) => Encode(response, ControlJsonContext.Default.ControlResponse);

    /// <summary>Parses a request line (without its newline); on failure <paramref name="problem"/> says what is wrong.</summary>
    public static ControlRequest? DecodeRequest(ReadOnlySpan<byte> line, out string problem)
    {
        var request = Decode(line, ControlJsonContext.Default.ControlRequest, out problem);
        if (request is null)
        {
            return null;
        }
        problem = RequestProblem(request) ?? "";
        return problem.Length == 0 ? request with { Args = request.Args ?? [] } : null;
    }

    /// <summary>Parses a response line (without its newline); on failure <paramref name="problem"/> says what is wrong.</summary>
    public static ControlResponse? DecodeResponse(ReadOnlySpan<byte> line, out string problem)
    {
        var response = Decode(line, ControlJsonContext.Default.ControlResponse, out problem);
        if (response is null)
        {
            return null;
        }
        if (!Enum.IsDefined(response.Status))
        {
            problem = $"unknown status {(int)response.Status}";
            return null;
        }
        return response with { Text = response.Text ?? "" };
    }

    private static byte[] Encode<T>(T value, JsonTypeInfo<T> type)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            JsonSerializer.Serialize(writer, value, type);
        }
        buffer.Write("\n"u8);
        return buffer.WrittenSpan.ToArray();
    }

    private static T? Decode<T>(ReadOnlySpan<byte> line, JsonTypeInfo<T> type, out string problem) where T : class
    {
        problem = "";
        if (line.IsEmpty || line.Trim(" \t"u8).IsEmpty)
        {
            problem = "empty line";
            return null;
        }
        if (!Utf8.IsValid(line))
        {
            problem = "not valid UTF-8";
            return null;
        }
        try
        {
            var value = JsonSerializer.Deserialize(line, type);
            problem = value is null ? "null instead of an object" : "";
            return value;
        }
        catch (JsonException e)
        {
            problem = $"invalid JSON: {e.Message}";
            return null;
        }
    }

    // The generated deserializer leaves a missing or null member null, whatever the annotations say.
    private static string? RequestProblem(ControlRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.Command))
        {
            return "missing \"command\"";
        }
        return request.Args is not null && request.Args.Any(a => a is null) ? "null in \"args\"" : null;
    }
}
