namespace DualHome.ControlPlane.Dhcpv6;

/// <summary>
/// The retransmission timeout (RT) sequence of one exchange, RFC 8415 §15:
/// RT = IRT + RAND*IRT first, then RT = 2*RTprev + RAND*RTprev, and if RT &gt; MRT then RT = MRT + RAND*MRT,
/// with RAND uniform in [-0.1, +0.1] from the injected <see cref="Random"/>. For Solicit the first RAND is strictly
/// positive ("the first RT MUST be selected to be strictly greater than IRT", §15). MRC is counted here; MRD is a
/// deadline the caller keeps (it needs the clock).
/// </summary>
public sealed class Retransmission(RetransmissionParameters parameters, Random random, bool firstGreaterThanIrt = false)
{
    /// <summary>§15: "RAND is a random number chosen with a uniform distribution between -0.1 and +0.1".</summary>
    public const double MaxRand = 0.1;

    public RetransmissionParameters Parameters { get; private set; } = parameters;

    /// <summary>How many times the message has been sent.</summary>
    public int Transmissions { get; private set; }

    /// <summary>The RT of the latest transmission (zero before the first).</summary>
    public TimeSpan Current { get; private set; }

    /// <summary>§15: MRC "specifies an upper bound on the number of times a client may retransmit a message"; 0 = none.</summary>
    public bool MayTransmit => Parameters.Mrc == 0 || Transmissions < Parameters.Mrc;

    /// <summary>Counts one transmission and returns how long to wait for a response to it.</summary>
    public TimeSpan Next()
    {
        Current = Transmissions == 0 ? First() : Subsequent();
        Transmissions++;
        return Current;
    }

    /// <summary>§21.24: a server's SOL_MAX_RT replaces MRT from the next timeout on.</summary>
    public void ChangeMaxRt(TimeSpan mrt) => Parameters = Parameters with { Mrt = mrt };

    private TimeSpan First()
    {
        double rand = firstGreaterThanIrt ? (1.0 - random.NextDouble()) * MaxRand : Rand();
        return Parameters.Irt + Parameters.Irt * rand;
    }

    private TimeSpan Subsequent()
    {
        TimeSpan rt = 2 * Current + Current * Rand();
        TimeSpan mrt = Parameters.Mrt;
        return mrt > TimeSpan.Zero && rt > mrt ? mrt + mrt * Rand() : rt;
    }

    private double Rand() => (random.NextDouble() * 2.0 - 1.0) * MaxRand;
}
