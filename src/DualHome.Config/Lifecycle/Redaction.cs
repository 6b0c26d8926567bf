namespace DualHome.Config.Lifecycle;

/// <summary>Keeps secrets (the TSIG keys to come) out of `show config`, diffs and log lines. A key is secret when any
/// of its dotted segments ends in "Secret", case-insensitively: "Dns.Tsig.Secret", "TsigSecret", and everything
/// under a "Secret" section. Erring wide is the safe side: a redacted non-secret costs a look at the file.</summary>
public static class Redaction
{
    public const string Placeholder = "(secret)";

    public static bool IsSecret(string key) =>
        key.Split('.').Any(s => s.EndsWith("Secret", StringComparison.OrdinalIgnoreCase));

    /// <summary>The value, or <see cref="Placeholder"/> for a secret key.</summary>
    public static string Value(string key, string value) => IsSecret(key) ? Placeholder : value;

    /// <summary>"KEY VALUE", the form of `show config`, diffs and logs.</summary>
    public static string Line(string key, string value) => $"{key} {Value(key, value)}";
}
