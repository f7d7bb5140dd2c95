package tianping.document;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The four drafts of reviewed fixture decisions, opened back with POI and read as an officer would. What each must
 * say is written here from the law, not from the output: 排污许可管理条例第三十四条第（一）项 fines 200,000 to
 * 1,000,000 yuan and the national guidance starts at the lower bound (贰拾万元整); 行政处罚法第六十七条 gives fifteen
 * days to pay, 第七十二条 three per cent a day for late payment; review within sixty days (行政复议法第二十条),
 * suit within six months (行政诉讼法第四十六条); hearing requested within five days of notice (行政处罚法第六十四条).
 */
class DraftsTest {

    static final Path CASES = Path.of("../fixtures/cases");

    static JsonNode tree(String file) throws Exception {
        return Documents.tree(Files.readAllBytes(CASES.resolve(file)));
    }

    static XWPFDocument docx(DocumentKind kind, String fixture) throws Exception {
        byte[] b = Documents.render(kind, DocumentFormat.DOCX, tree(fixture + ".json"), tree(fixture + ".decision.json"));
        return new XWPFDocument(new ByteArrayInputStream(b));
    }

    static List<String> paragraphs(XWPFDocument d) {
        List<String> out = new ArrayList<>();
        for (XWPFParagraph p : d.getParagraphs()) out.add(p.getText());
        return out;
    }

    /** The paragraphs from the heading that starts with {@code heading} up to the next heading. */
    static List<String> section(List<String> paras, String heading) {
        int at = -1;
        for (int i = 0; i < paras.size(); i++) if (paras.get(i).startsWith(heading)) at = i;
        assertTrue(at >= 0, "没有小标题 " + heading + "：" + paras);
        List<String> out = new ArrayList<>();
        for (int i = at + 1; i < paras.size() && !paras.get(i).matches("^[一二三四五六七八九]、.*"); i++) out.add(paras.get(i));
        return out;
    }

    static boolean has(List<String> paras, String text) {
        return paras.stream().anyMatch(p -> p.contains(text));
    }

    @Test
    void penaltyDecisionForAFine() throws Exception {
        try (XWPFDocument d = docx(DocumentKind.PENALTY, "shanxi/sx-f-air-fined")) {
            List<String> p = paragraphs(d);
            assertEquals("行政处罚决定书", p.get(1));
            assertEquals("＿＿＿＿〔生态环境主管部门名称〕", p.get(0));
            assertEquals("太原市某热电有限公司：", p.get(3));
            assertEquals("统一社会信用代码：91001002MA0001002D", p.get(4));
            assertEquals("法定代表人（负责人）：＿＿＿＿〔法定代表人（负责人）〕", p.get(5));
            assertEquals("地址：＿＿＿＿〔地址〕", p.get(6));
            List<String> headings = p.stream().filter(s -> s.matches("^[一二三四五六七八九]、.*")).toList();
            assertEquals(List.of("一、环境违法事实和证据", "二、违反条款", "三、行政处罚的依据和裁量理由", "四、行政处罚的内容",
                    "五、行政处罚决定的履行方式和期限", "六、申请行政复议或者提起行政诉讼的途径和期限"), headings);
            List<String> facts = section(p, "一、");
            assertTrue(has(facts, "我局于2024年3月2日对你单位进行了调查"), facts.toString()); // the case's discoveredOn
            assertTrue(has(facts, "超过大气污染物排放标准"), facts.toString());
            assertTrue(has(facts, "违法行为发生日：2024年3月1日"), facts.toString());
            assertTrue(has(facts, "〔现场检查（勘察）笔录、调查询问笔录、现场照片等其他证据〕"), facts.toString());
            assertEquals(List.of("你单位的上述行为违反了大气污染防治法第十八条的规定。"), section(p, "二、"));
            List<String> basis = section(p, "三、");
            assertTrue(basis.get(0).startsWith("依据排污许可管理条例第三十四条第（一）项的规定"), basis.toString());
            assertTrue(has(basis, "法定幅度：200,000 元 至 1,000,000 元"), basis.toString());
            assertTrue(has(basis, "〔当事人陈述、申辩、听证的情况及是否采纳的理由〕"), basis.toString());
            assertEquals(List.of("我局决定对你单位作出如下行政处罚：", "罚款人民币贰拾万元整（¥200,000 元）。"), section(p, "四、"));
            List<String> perform = section(p, "五、");
            assertTrue(perform.get(0).contains("自收到本决定书之日起十五日内") && perform.get(0).contains("〔缴款银行、户名和账号〕"), perform.toString());
            assertTrue(perform.get(1).contains("每日按罚款数额的百分之三加处罚款"), perform.toString());
            List<String> remedy = section(p, "六、");
            assertTrue(remedy.get(0).contains("六十日内向＿＿＿＿〔行政复议机关〕申请行政复议")
                    && remedy.get(0).contains("六个月内向＿＿＿＿〔人民法院〕提起行政诉讼"), remedy.toString());
            assertTrue(has(remedy, "行政处罚不停止执行"), remedy.toString());
            assertTrue(has(p, "2024年3月20日"), "决定书日期为案件的决定日期");
            // every blank is highlighted in the document, so that none is issued unfilled
            int blanks = 0;
            for (XWPFParagraph para : d.getParagraphs()) {
                for (XWPFRun r : para.getRuns()) {
                    if (r.text().startsWith(Piece.LINE)) {
                        blanks++;
                        assertEquals("yellow", r.getTextHighlightColor().toString(), r.text());
                    }
                }
            }
            assertTrue(blanks >= 8, "blanks: " + blanks);
            assertEquals("行政处罚决定书", d.getProperties().getCoreProperties().getTitle());
        }
    }

    @Test
    void noticeOfTheSameFineTellsTheRightsAndIsNotDated() throws Exception {
        try (XWPFDocument d = docx(DocumentKind.NOTICE, "shanxi/sx-f-air-fined")) {
            List<String> p = paragraphs(d);
            assertEquals("行政处罚事先（听证）告知书", p.get(1));
            assertEquals(List.of("我局拟对你单位作出如下行政处罚：", "罚款人民币贰拾万元整（¥200,000 元）。"), section(p, "四、"));
            List<String> rights = section(p, "五、陈述、申辩和听证的权利");
            assertTrue(rights.get(0).contains("＿＿＿＿〔陈述、申辩的期限〕日内向我局提出陈述、申辩"), rights.toString());
            assertTrue(rights.get(1).contains("应当在我局告知后五日内提出"), rights.toString());
            assertTrue(rights.get(1).startsWith("＿＿＿＿〔拟作出较大数额罚款"), "whether a hearing applies is the officer's call, marked: " + rights);
            assertFalse(has(p, "十五日内"), "a notice sets no payment");
            assertTrue(has(p, "＿＿＿＿〔日期〕"), "a notice is dated when served");
        }
    }

    @Test
    void noPenaltyDecisionGivesTheListItemAndItsConditions() throws Exception {
        try (XWPFDocument d = docx(DocumentKind.NO_PENALTY, "shanxi/sx-f-air-applies")) {
            List<String> p = paragraphs(d);
            assertEquals("不予行政处罚决定书", p.get(1));
            List<String> headings = p.stream().filter(s -> s.matches("^[一二三四五六七八九]、.*")).toList();
            assertEquals(List.of("一、环境违法事实和证据", "二、违反条款", "三、不予行政处罚的依据和理由",
                    "四、申请行政复议或者提起行政诉讼的途径和期限"), headings);
            // the evidence the decision rests on: the exceedance, 52.5 against 50 mg/m3 (0.05 times)
            assertTrue(has(section(p, "一、"), "测定值 52.5 mg/m3，限值 50，超标 0.05 倍"));
            List<String> basis = section(p, "三、");
            assertTrue(basis.get(0).startsWith("依据行政处罚法第三十三条第一款后段"), basis.toString());
            assertTrue(has(basis, "山西省生态环境轻微违法行为不予处罚事项清单（2022年版）"), basis.toString());
            assertTrue(has(basis, "日最大累计超标时长 3 小时，满足 ≤ 4 小时"), basis.toString());
            assertTrue(has(basis, "依据行政处罚法第三十三条第三款的规定，我局对你单位进行教育"), basis.toString());
            assertEquals("我局决定对你单位不予行政处罚。", basis.get(basis.size() - 1));
            assertFalse(has(p, "人民币"), "no amount in a no-penalty decision");
            assertFalse(has(p, "百分之三"));
            assertTrue(has(section(p, "四、"), "六十日内"));
        }
    }

    @Test
    void limitationCaseIsNotGivenAPenaltyAgain() throws Exception {
        Draft d = Documents.draft(DocumentKind.NO_PENALTY, tree("escalation/limitation-2-years.json"), tree("escalation/limitation-2-years.decision.json"));
        assertTrue(d.text().contains("依据行政处罚法第三十六条第一款的规定"), d.text());
        assertTrue(d.text().contains("我局决定对你单位不再给予行政处罚。"), d.text());
    }

    @Test
    void rectificationOrder() throws Exception {
        try (XWPFDocument d = docx(DocumentKind.RECTIFY, "quzhou/qz-remind-first")) {
            List<String> p = paragraphs(d);
            assertEquals("责令改正违法行为决定书", p.get(1));
            assertEquals("衢州市某纸业有限公司：", p.get(3));
            assertTrue(has(section(p, "一、"), "我局于2024年5月8日对你单位进行了调查"));
            assertEquals(List.of("你单位的上述行为违反了水污染防治法第十条的规定。"), section(p, "二、"));
            List<String> order = section(p, "三、责令改正的依据和内容");
            assertEquals(1, order.size());
            assertTrue(order.get(0).startsWith("依据行政处罚法第二十八条第一款的规定，现责令你单位改正上述环境违法行为。"), order.toString());
            assertTrue(order.get(0).contains("改正期限：＿＿＿＿〔立即改正，或限期改正的期限〕"), order.toString());
            assertTrue(has(section(p, "四、拒不改正的法律后果"), "〔拒不改正的法律后果及其依据〕"));
            assertTrue(has(section(p, "五、"), "六个月内"));
            assertTrue(has(p, "2024年5月20日"));
        }
    }

    @Test
    void dailyPenaltyAndSeveralFindingsAreSummedExactly() throws Exception {
        Draft daily = Documents.draft(DocumentKind.PENALTY, tree("escalation/chengdu-daily-penalty-2015.json"),
                tree("escalation/chengdu-daily-penalty-2015.decision.json"));
        // 原处罚 700 元 × 27 日 = 18,900 元 (环境保护法第五十九条)
        assertTrue(daily.text().contains("按日连续处罚，罚款人民币壹万捌仟玖佰元整（¥18,900 元）。"), daily.text());
        assertTrue(daily.text().contains("原处罚 700 元 × 27 日"), daily.text());
        Draft three = Documents.draft(DocumentKind.PENALTY, tree("escalation/fujian-2024-batch2.json"), tree("escalation/fujian-2024-batch2.decision.json"));
        assertTrue(three.text().contains("合计罚款人民币贰拾贰万伍仟元整（¥225,000 元）。"), three.text());
        assertTrue(three.text().contains("\n1. 你单位的上述行为违反了") && three.text().contains("\n3. 你单位的上述行为违反了"), three.text());
    }

    @Test
    void aKindThatDoesNotFitTheDecisionIsAChineseErrorNotADocument() throws Exception {
        DocumentException e = assertThrows(DocumentException.class,
                () -> Documents.render(DocumentKind.NO_PENALTY, DocumentFormat.DOCX, null, tree("shanxi/sx-f-air-fined.decision.json")));
        assertEquals("决定（案件 SX-AIR-02，结论：罚款 200,000 元）没有不予处罚（或因超过追责时效不再处罚）的违法事实，"
                + "不能制作不予行政处罚决定书。可制作的文书：告知、处罚", e.getMessage());
        e = assertThrows(DocumentException.class,
                () -> Documents.render(DocumentKind.PENALTY, DocumentFormat.HTML, null, tree("quzhou/qz-remind-first.decision.json")));
        assertTrue(e.getMessage().contains("没有处以罚款的违法事实") && e.getMessage().endsWith("可制作的文书：责令改正"), e.getMessage());
        e = assertThrows(DocumentException.class,
                () -> Documents.render(DocumentKind.RECTIFY, DocumentFormat.HTML, null, tree("shanxi/sx-f-air-applies.decision.json")));
        assertTrue(e.getMessage().contains("没有责令改正的违法事实"), e.getMessage());
        assertThrows(DocumentException.class, () -> DocumentKind.of("罚单"));
        assertEquals(DocumentKind.NOTICE, DocumentKind.of("行政处罚事先（听证）告知书"));
        assertThrows(DocumentException.class, () -> DocumentFormat.ofFile("x.pdf"));
    }

    @Test
    void withoutTheCaseTheDateOfDiscoveryIsABlank() throws Exception {
        Draft d = Documents.draft(DocumentKind.PENALTY, null, tree("shanxi/sx-f-air-fined.decision.json"));
        assertTrue(d.text().contains("我局于＿＿＿＿〔发现日期〕对你单位进行了调查"), d.text());
    }

    @Test
    void everyWordingRowNamesItsSource() {
        Wording w = Wording.standard();
        for (String key : List.of("perform.pay", "perform.late", "remedy.appeal", "rights.hearing", "basis.education", "title.处罚")) {
            String s = w.source(key);
            assertTrue(s != null && s.matches("^\\[[LPT]\\].*"), key + ": " + s);
        }
    }
}
