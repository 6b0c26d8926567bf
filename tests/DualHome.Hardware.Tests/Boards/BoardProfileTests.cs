using DualHome.Hardware.Boards;
using DualHome.Hardware.Status;

namespace DualHome.Hardware.Tests.Boards;

public sealed class BoardProfileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("dualhome-board-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>The repository's board/ directory (found upwards from the test binary).</summary>
    public static string BoardDirectory
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Firmware.sln"))) return Path.Combine(dir.FullName, "board");
            throw new DirectoryNotFoundException("no Firmware.sln above " + AppContext.BaseDirectory);
        }
    }

    private static string[] BoardNames => Directory.GetDirectories(BoardDirectory).Select(d => Path.GetFileName(d)).Order().ToArray();

    public static TheoryData<string> Boards => new(BoardNames);

    [Fact]
    public void EveryRequiredBoardHasAProfile() =>
        Assert.Superset(new HashSet<string> { "rpi4", "rpi5", "nanopi-r2s", "nanopi-r3s", "nanopi-r5s", "qemu-virt" },
            BoardNames.ToHashSet());

    [Theory]
    [MemberData(nameof(Boards))]
    public void EveryProfileLoadsByNameAndIsComplete(string name)
    {
        var profile = BoardProfileLoader.Load(name, [BoardDirectory]);
        Assert.Equal(name, profile.Name);
        Assert.NotEmpty(profile.Description);
        Assert.NotNull(profile.Interfaces.Lan);
        Assert.NotNull(profile.Interfaces.WanA);
        Assert.NotNull(profile.Interfaces.WanB);
        Assert.Equal([LedRole.System, LedRole.WanA, LedRole.WanB], profile.Leds.Select(l => l.Role).Order());
        Assert.NotNull(profile.Button);
        Assert.NotEmpty(profile.Notes); // where every name came from
        Assert.Equal(Path.Combine(BoardDirectory, name, "board.json"), profile.Source);
    }

    [Fact]
    public void TheNanoPiR2sUsesItsDeviceTreeNames()
    {
        var profile = BoardProfileLoader.Load("nanopi-r2s", [BoardDirectory]);
        Assert.Equal(["nanopi-r2s:red:sys", "nanopi-r2s:green:wan", "nanopi-r2s:green:lan"], profile.Leds.Select(l => l.ClassName));
        Assert.Equal(new ButtonMapping(ButtonBackend.Input, null, null, "keys", 0x198), profile.Button);
    }

    [Fact]
    public void TheRpi4UsesHeaderPins()
    {
        var profile = BoardProfileLoader.Load("rpi4", [BoardDirectory]);
        Assert.All(profile.Leds, l => Assert.Equal(LedBackend.Gpio, l.Backend));
        Assert.Equal([17, 27, 22], profile.Leds.Select(l => l.Gpio!.Line));
        Assert.Equal(new GpioLine("pinctrl-bcm2711", 23, true), profile.Button!.Gpio);
    }

    [Theory]
    [InlineData("none")]
    [InlineData("None")]
    [InlineData("")]
    public void NoneIsNoLedsAndNoButton(string name)
    {
        var profile = BoardProfileLoader.Load(name, [BoardDirectory]);
        Assert.Same(BoardProfile.None, profile);
        Assert.Empty(profile.Leds);
        Assert.Null(profile.Button);
    }

    [Fact]
    public void AProfileIsFoundByPathToTheFileOrItsDirectory()
    {
        var dir = Path.Combine(BoardDirectory, "qemu-virt");
        Assert.Equal("qemu-virt", BoardProfileLoader.Load(dir).Name);
        Assert.Equal("qemu-virt", BoardProfileLoader.Load(Path.Combine(dir, "board.json")).Name);
    }

    [Fact]
    public void TheFirstDirectoryOfTheSearchPathWins()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "rpi4"));
        File.WriteAllText(Path.Combine(_dir, "rpi4", "board.json"), """{ "Name": "my-rpi4" }""");
        Assert.Equal("my-rpi4", BoardProfileLoader.Load("rpi4", [_dir, BoardDirectory]).Name);
        Assert.Equal("rpi4", BoardProfileLoader.Load("rpi4", [Path.Combine(_dir, "missing"), BoardDirectory]).Name);
    }

    [Fact]
    public void AnUnknownNameListsWhereItLooked()
    {
        var e = Assert.Throws<BoardProfileException>(() => BoardProfileLoader.Load("orange-pi", [_dir]));
        Assert.Contains("'orange-pi' not found", e.Message);
        Assert.Contains(Path.Combine(_dir, "orange-pi", "board.json"), e.Message);
    }

    [Theory]
    [InlineData("..")]
    [InlineData("-x")]
    [InlineData("a b")]
    public void ANameCannotEscapeTheSearchPath(string name) =>
        Assert.Contains("not a profile name", Assert.Throws<BoardProfileException>(() => BoardProfileLoader.Load(name, [_dir])).Message);

    [Fact]
    public void CommentsAndTrailingCommasAreAllowed()
    {
        var profile = BoardProfileLoader.Parse("""
            // a hand-edited profile
            { "Name": "x", "Leds": [ { "Role": "system", "Type": "ledclass", "Name": "ACT" }, ], }
            """, "x.json");
        Assert.Equal(new LedMapping(LedRole.System, LedBackend.LedClass, "ACT", null), Assert.Single(profile.Leds));
    }

    // Each malformed profile is rejected with a message naming the field, and the file.
    [Theory]
    [InlineData("""{ }""", "Name: required")]
    [InlineData("""{ "Name": "x", "Led": [] }""", "Led")]
    [InlineData("""{ "Name": "x", "Leds": [ { "Role": "wan-c", "Type": "ledclass", "Name": "a" } ] }""", "Leds[0].Role: 'wan-c' is not one of system, wan-a, wan-b")]
    [InlineData("""{ "Name": "x", "Leds": [ { "Role": "system", "Type": "ledclass", "Name": "a" }, { "Role": "system", "Type": "ledclass", "Name": "b" } ] }""", "Leds[1].Role: 'system' is mapped twice")]
    [InlineData("""{ "Name": "x", "Leds": [ { "Role": "system", "Type": "pwm" } ] }""", "Leds[0].Type: 'pwm' is not one of gpio, ledclass")]
    [InlineData("""{ "Name": "x", "Leds": [ { "Role": "system", "Type": "ledclass" } ] }""", "Leds[0].Name: '' is not an LED class name")]
    [InlineData("""{ "Name": "x", "Leds": [ { "Role": "system", "Type": "ledclass", "Name": "../../etc" } ] }""", "Leds[0].Name: '../../etc' is not an LED class name")]
    [InlineData("""{ "Name": "x", "Leds": [ { "Role": "system", "Type": "ledclass", "Name": "a", "Line": 3 } ] }""", "Leds[0].Line: not used with Type ledclass")]
    [InlineData("""{ "Name": "x", "Leds": [ { "Role": "wan-a", "Type": "gpio", "Line": 3 } ] }""", "Leds[0].Chip: required for Type gpio")]
    [InlineData("""{ "Name": "x", "Leds": [ { "Role": "wan-a", "Type": "gpio", "Chip": "0" } ] }""", "Leds[0].Line: required for Type gpio")]
    [InlineData("""{ "Name": "x", "Leds": [ { "Role": "wan-a", "Type": "gpio", "Chip": "0", "Line": -1 } ] }""", "Leds[0].Line: '-1' is not a line offset")]
    [InlineData("""{ "Name": "x", "Leds": [ { "Role": "wan-a", "Type": "gpio", "Chip": "0", "Line": "17" } ] }""", "Leds[0].Line (line 1): expected a number")]
    [InlineData("""{ "Name": "x", "Leds": [ { "Role": "wan-a", "Type": "gpio", "Chip": "0", "Line": 1, "ActiveLow": "yes" } ] }""", "Leds[0].ActiveLow (line 1): expected true or false")]
    [InlineData("""{ "Name": 4 }""", "Name (line 1): expected a string")]
    [InlineData("""{ "Name": "x", "Notes": "one" }""", "Notes (line 1): expected a list")]
    [InlineData("""{ "Name": "x", "Button": [] }""", "Button (line 1): expected an object")]
    [InlineData("""{ "Name": "x", "Leds": [ null ] }""", "Leds[0]: must be an object")]
    [InlineData("""{ "Name": "x", "Button": { "Type": "usb" } }""", "Button.Type: 'usb' is not one of gpio, input")]
    [InlineData("""{ "Name": "x", "Button": { "Type": "input", "Code": 408 } }""", "Button: Type input needs exactly one of Device (a path) and InputName")]
    [InlineData("""{ "Name": "x", "Button": { "Type": "input", "Device": "/dev/input/event0", "InputName": "keys", "Code": 408 } }""", "exactly one of Device")]
    [InlineData("""{ "Name": "x", "Button": { "Type": "input", "Device": "event0", "Code": 408 } }""", "Button.Device: 'event0' is not an absolute path")]
    [InlineData("""{ "Name": "x", "Button": { "Type": "input", "InputName": "keys" } }""", "Button.Code: '' is not a key code")]
    [InlineData("""{ "Name": "x", "Button": { "Type": "input", "InputName": "keys", "Code": 70000 } }""", "Button.Code: '70000' is not a key code")]
    [InlineData("""{ "Name": "x", "Button": { "Type": "gpio", "Chip": "0", "Line": 4, "Code": 1 } }""", "Button.Code: not used with Type gpio")]
    [InlineData("""{ "Name": "x", "LedClassRoot": "" }""", "LedClassRoot: must not be empty")]
    [InlineData("""{ "Name": "x", """, "line 1")]
    [InlineData("""null""", "empty")]
    public void MalformedProfilesNameTheField(string json, string expected)
    {
        var e = Assert.Throws<BoardProfileException>(() => BoardProfileLoader.Parse(json, "/etc/dualhome/board/x/board.json"));
        Assert.StartsWith("board profile /etc/dualhome/board/x/board.json: ", e.Message);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void EveryProblemIsReportedAtOnce()
    {
        var e = Assert.Throws<BoardProfileException>(() => BoardProfileLoader.Parse(
            """{ "Leds": [ { "Role": "x", "Type": "gpio" } ], "Button": { "Type": "input" } }""", "b.json"));
        foreach (var field in new[] { "Name:", "Leds[0].Role:", "Leds[0].Chip:", "Leds[0].Line:", "Button:", "Button.Code:" })
            Assert.Contains(field, e.Message);
    }

    [Fact]
    public void AnUnreadableFileIsAProfileError() =>
        Assert.Contains("cannot be read", Assert.Throws<BoardProfileException>(() =>
            BoardProfileLoader.LoadFile(Path.Combine(_dir, "nope.json"))).Message);
}
