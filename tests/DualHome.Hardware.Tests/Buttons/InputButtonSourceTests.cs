using System.Globalization;
using DualHome.ControlPlane.Tests.Uplinks;
using DualHome.Hardware.Buttons;
using Microsoft.Extensions.Logging.Abstractions;

namespace DualHome.Hardware.Tests.Buttons;

public sealed class InputButtonSourceTests : IDisposable
{
    private const ushort KeyRestart = 0x198;
    private readonly string _dir = Directory.CreateTempSubdirectory("dualhome-input-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>TestData/gpio-keys-reset.hex as the bytes a read of the device returns.</summary>
    private static byte[] Recording()
    {
        var hex = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "TestData", "gpio-keys-reset.hex"))
            .Select(line => line.Split('#')[0])
            .SelectMany(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return hex.Select(b => byte.Parse(b, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToArray();
    }

    private static List<InputEvent> Decode(byte[] bytes)
    {
        var events = new List<InputEvent>();
        for (int i = 0; i + InputEvent.Size64 <= bytes.Length; i += InputEvent.Size64)
        {
            Assert.True(InputEvent.TryRead(bytes.AsSpan(i, InputEvent.Size64), out var e));
            events.Add(e);
        }
        return events;
    }

    [Fact]
    public void TheRecordingDecodesFieldByField()
    {
        var events = Decode(Recording());
        Assert.Equal(14, events.Count);
        Assert.Equal(new InputEvent(TimeSpan.FromSeconds(1700000000) + TimeSpan.FromMilliseconds(100), InputEvent.EvKey, KeyRestart, 1), events[0]);
        Assert.Equal(new InputEvent(TimeSpan.FromSeconds(1700000000) + TimeSpan.FromMilliseconds(100), InputEvent.EvSyn, 0, 0), events[1]);
        Assert.Equal(2, events[10].Value);
    }

    [Fact]
    public void OnlyPressAndReleaseOfTheKeyAreEdges()
    {
        var edges = Decode(Recording()).Select(e => e.KeyEdge(KeyRestart)).OfType<bool>();
        Assert.Equal([true, false, true, false], edges);
    }

    [Fact]
    public void ARecordIsWrittenAsItIsRead()
    {
        var e = new InputEvent(TimeSpan.FromSeconds(12) + TimeSpan.FromMicroseconds(345678), InputEvent.EvKey, 257, 1);
        var bytes = new byte[InputEvent.Size64];
        e.Write(bytes);
        Assert.Equal("0c00000000000000" + "4e46050000000000" + "0100" + "0101" + "01000000", Convert.ToHexStringLower(bytes));
        Assert.True(InputEvent.TryRead(bytes, out var back));
        Assert.Equal(e, back);
    }

    [Fact]
    public void AShortRecordIsNotDecoded() =>
        Assert.False(InputEvent.TryRead(new byte[InputEvent.Size64 - 1], out _));

    [Fact]
    public async Task TheReaderDeliversTheRecordedEdgesAndStopsAtTheEndOfTheFile()
    {
        var path = Path.Combine(_dir, "event0");
        File.WriteAllBytes(path, Recording());
        var edges = new List<bool>();
        var source = InputButtonSource.Open("button", path, KeyRestart, edges.Add, NullLogger.Instance);
        var reader = Assert.IsType<InputButtonSource>(source);
        reader.Start();
        await reader.Finished.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.Equal([true, false, true, false], edges);
        reader.Dispose();
    }

    [Fact]
    public async Task RecordsSplitAcrossReadsAreReassembled()
    {
        var edges = new List<bool>();
        var reader = InputButtonSource.FromStream("button", new Trickle(Recording(), 7), KeyRestart, edges.Add, NullLogger.Instance);
        reader.Start();
        await reader.Finished.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.Equal([true, false, true, false], edges);
    }

    /// <summary>A stream that returns at most <paramref name="chunk"/> bytes per read, splitting records.</summary>
    private sealed class Trickle(byte[] data, int chunk) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));
    }

    [Fact]
    public void ReplayedWithItsTimestampsTheRecordingIsAShortPressThenAHold3()
    {
        var time = new SimulatedTime(TestUplinks.T0);
        using var logic = new ButtonLogic(time, NullLogger.Instance);
        var events = new List<ButtonEvent>();
        logic.Pressed += events.Add;
        var recorded = Decode(Recording());
        var start = recorded[0].Time;
        var origin = time.GetTimestamp();
        foreach (var e in recorded)
        {
            time.Run(e.Time - start - time.GetElapsedTime(origin));
            if (e.KeyEdge(KeyRestart) is { } pressed) logic.OnRawEdge(pressed);
        }
        time.Run(TimeSpan.FromSeconds(1));
        Assert.Equal([ButtonEvent.Short, ButtonEvent.Hold3], events);
    }

    [Fact]
    public void AMissingDeviceIsNoButtonNotAnException()
    {
        var source = InputButtonSource.Open("button", Path.Combine(_dir, "event9"), KeyRestart, _ => { }, NullLogger.Instance);
        Assert.IsType<NullButtonSource>(source);
    }

    [Fact]
    public void DevicesAreFoundByTheirDriversName()
    {
        var sys = Path.Combine(_dir, "sys");
        foreach (var (ev, name) in new[] { ("event0", "rk805 pwrkey"), ("event1", "gpio-keys"), ("event2", "keys") })
        {
            Directory.CreateDirectory(Path.Combine(sys, ev, "device"));
            File.WriteAllText(Path.Combine(sys, ev, "device", "name"), name + "\n");
        }
        Assert.Equal("/dev/input/event1", InputDevices.FindByName("gpio-keys", sys));
        Assert.Equal("/dev/input/event2", InputDevices.FindByName("keys", sys));
        Assert.Null(InputDevices.FindByName("pwr_button", sys));
        Assert.Null(InputDevices.FindByName("gpio-keys", Path.Combine(_dir, "nothing")));
    }
}
