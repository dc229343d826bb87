package th.tambon.importer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import th.tambon.importer.scenario.ScenarioValidator;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;

/**
 * {@code generate}: a made-up but rule-abiding scenario of any size, for load tests and benchmarks: primary ESAs in
 * real provinces (250 schools each), schools spread over districts and tambons of the ESA's province with Thai names
 * (tone marks included), the first school of each tambon its active quality school, and one network per ESA. The same
 * seed gives the same file. It stays clear of real data so it can be loaded beside it: ESA zones from 71 (no real ESA
 * has one), SMIS codes with the zone in them, and district numbers from 50 (the seed's tambons are in districts 21 and
 * 90–94).
 */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Writes a made-up tambon-scenario/1 file with many schools (for load tests and benchmarks).")
final class GenerateCommand implements Callable<Integer> {
    /** Real DOPA province codes. */
    private static final int[] PROVINCES = {10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 30,
            31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58,
            60, 61, 62, 63, 64, 65, 66, 67, 70, 71, 72, 73, 74, 75, 76, 77, 80, 81, 82, 83, 84, 85, 86, 90, 91, 92, 93, 94,
            95, 96};
    private static final String[] PARTS = {"หัว", "ฝาย", "หนอง", "ดอน", "โคก", "ทุ่ง", "น้ำ", "ใหญ่", "ม่วง", "ค้อ", "แก้ว",
            "ท่า", "ไม้", "ป่า", "สว่าง", "กุ่ม", "เหล่า", "บัว", "ศรี", "สำราญ", "โพธิ์", "ไทร", "ตะเคียน", "ห้วย", "ยาง",
            "เก่า", "ใหม่", "ขาม", "สร้าง", "ค่าย", "นา", "คำ", "แสง", "ทอง", "เจริญ", "พัฒนา", "สุข", "บ่อ", "เขื่อน", "ด่าน"};
    private static final String[] GIVEN = {"จำปา", "สมชาย", "สุดา", "ประเสริฐ", "วิไล", "บุญมี", "กาญจนา", "ทองคำ", "มาลี",
            "สมศักดิ์", "พรทิพย์", "ณรงค์"};
    private static final String[] FAMILY = {"จันทะสอน", "ใจดี", "ศรีสุข", "แก้วมณี", "บุญเรือง", "ทองดี", "พรหมมา", "สายสุด"};
    static final int SCHOOLS_PER_ESA = 250;
    static final int SCHOOLS_PER_TAMBON = 3;
    static final int TAMBONS_PER_DISTRICT = 12;
    static final int FIRST_ZONE = 71;
    static final int FIRST_DISTRICT = 50;
    /** Districts an ESA's schools use: ceil(250 / 3 / 12). */
    static final int DISTRICTS_PER_ESA = 7;
    /** Four ESAs per province at most, so district numbers stay below the seed's 90. */
    static final int MAX_SCHOOLS = 4 * 77 * SCHOOLS_PER_ESA;

    @Option(names = "--schools", paramLabel = "N", defaultValue = "10000",
            description = "how many schools, 1 to 77000 (default ${DEFAULT-VALUE}); one ESA per 250")
    int schools;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "2563", description = "the random seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "where to write it (default: standard output)")
    Path out;

    @Override
    public Integer call() throws IOException {
        if (schools < 1 || schools > MAX_SCHOOLS) {
            System.err.println("--schools must be 1 to " + MAX_SCHOOLS);
            return TambonImport.USAGE;
        }
        ObjectNode scenario = generate(schools, seed);
        int problems = new ScenarioValidator(ScenarioValidator.today()).validate(scenario).size();
        if (problems > 0) {
            throw new IllegalStateException("the generator broke " + problems + " rules; this is a bug");
        }
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        if (out == null) {
            OutputStream stdout = new PrintStream(System.out, false, StandardCharsets.UTF_8);
            json.writeValue(stdout, scenario);
            stdout.flush();
        } else {
            json.writeValue(Files.newOutputStream(out), scenario);
            System.err.println("Wrote " + out + ": " + scenario.get("esas").size() + " ESAs, " + schools + " schools, "
                    + scenario.get("networks").size() + " networks");
        }
        return TambonImport.OK;
    }

    static ObjectNode generate(int schools, long seed) {
        Random random = new Random(seed);
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode scenario = nodes.objectNode().put("format", ScenarioValidator.FORMAT)
                .put("title", "Generated: " + schools + " schools (seed " + seed + ")");
        ArrayNode esas = scenario.putArray("esas");
        ArrayNode schoolArray = scenario.putArray("schools");
        ArrayNode networks = scenario.putArray("networks");
        int esaCount = (schools + SCHOOLS_PER_ESA - 1) / SCHOOLS_PER_ESA;
        for (int e = 0; e < esaCount; e++) {
            int province = PROVINCES[e % PROVINCES.length];
            int esaInProvince = e / PROVINCES.length;
            int zone = FIRST_ZONE + esaInProvince;
            String code = "P" + province + "-" + zone;
            String provinceName = word(random, 2);
            esas.addObject().put("code", code).put("kind", "PRIMARY").put("zone", zone)
                    .put("provinceCode", Integer.toString(province)).put("province", provinceName)
                    .put("nameTh", "สำนักงานเขตพื้นที่การศึกษาประถมศึกษา" + provinceName + " เขต " + zone)
                    .put("nameEn", "Generated Primary Educational Service Area Office " + code);
            List<String> quality = new ArrayList<>();
            int inEsa = Math.min(SCHOOLS_PER_ESA, schools - e * SCHOOLS_PER_ESA);
            String district = null;
            String tambon = null;
            for (int s = 0; s < inEsa; s++) {
                int tambonIndex = s / SCHOOLS_PER_TAMBON;
                // the ESAs of one province use separate districts, from 50 up
                int districtNumber = FIRST_DISTRICT + esaInProvince * DISTRICTS_PER_ESA + tambonIndex / TAMBONS_PER_DISTRICT;
                int tambonNumber = tambonIndex % TAMBONS_PER_DISTRICT + 1;
                if (s % (SCHOOLS_PER_TAMBON * TAMBONS_PER_DISTRICT) == 0) {
                    district = word(random, 2);
                }
                if (s % SCHOOLS_PER_TAMBON == 0) {
                    tambon = word(random, 2);
                }
                String smis = String.format("%02d%02d%04d", province, zone, s + 1);
                ObjectNode school = schoolArray.addObject().put("code", smis)
                        .put("nameTh", "โรงเรียนบ้าน" + word(random, 2) + (s % SCHOOLS_PER_TAMBON == 0 ? "" : word(random, 1)))
                        .put("esa", code).put("province", provinceName).put("district", district).put("tambon", tambon)
                        .put("tambonCode", String.format("%02d%02d%02d", province, districtNumber, tambonNumber))
                        .put("director", person(random))
                        .put("students", 40 + random.nextInt(900)).put("teachers", 3 + random.nextInt(50));
                if (s % SCHOOLS_PER_TAMBON == 0) {
                    school.putObject("qualitySchool").put("designatedOn",
                            LocalDate.of(2019, 5, 1).plusDays(random.nextInt(400)).toString());
                    quality.add(smis);
                }
            }
            ObjectNode network = networks.addObject().put("esa", code).put("chairSchool", quality.get(0))
                    .put("chairPerson", person(random));
            ArrayNode members = network.putArray("members");
            quality.forEach(members::add);
        }
        return scenario;
    }

    private static String word(Random random, int parts) {
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < parts; i++) {
            word.append(PARTS[random.nextInt(PARTS.length)]);
        }
        return word.toString();
    }

    private static String person(Random random) {
        return (random.nextInt(4) == 0 ? "ดร." : random.nextBoolean() ? "นาย" : "นาง")
                + GIVEN[random.nextInt(GIVEN.length)] + " " + FAMILY[random.nextInt(FAMILY.length)];
    }
}
