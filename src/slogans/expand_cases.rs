//! Expansions of sentences written after the patterns of Party-building texts the rules had
//! not seen (a village rule book, a report on the "two coverages" of new organisations, an
//! essay on small public spaces), each with the components a reader finds by hand.

use super::tests::expansion_of;
use super::*;

#[test]
fn a_semicolon_ends_a_definition_before_the_next_term_is_defined() {
    // Half-width `;` as scraped pages have it: the list of 四议 stops there.
    let text = "“四议”:即支委会提议、两委会商议、党员大会审议、村民会议决议;\
                “两公开”:即决议公开、结果公开。";
    let e = expansion_of(text, "四议");
    assert_eq!(
        e.components,
        ["支委会提议", "两委会商议", "党员大会审议", "村民会议决议"]
    );
    assert_eq!(e.consistency, Consistency::Ok);
    assert_eq!(
        expansion_of(text, "两公开").components,
        ["决议公开", "结果公开"]
    );
}

#[test]
fn a_compound_takes_the_definitions_of_its_parts() {
    // 四议两公开 = the four of 四议 and the two of 两公开: 4 + 2 = 6 components.
    let text = "推行“四议两公开”工作法。“四议”:即支委会提议、两委会商议、党员大会审议、\
                村民会议决议;“两公开”:即决议公开、结果公开。";
    let e = expansion_of(text, "四议两公开");
    assert_eq!(e.components.len(), 6, "{:?}", e.components);
    assert_eq!(e.components[0], "支委会提议");
    assert_eq!(e.components[5], "结果公开");
    assert_eq!(e.consistency, Consistency::Ok);
}

#[test]
fn head_nouns_are_not_the_formulation_again_nor_a_particle_phrase() {
    // 两个覆盖: 组织覆盖 and 工作覆盖, not “两个覆盖” quoted again nor 织的覆盖 (组织的覆盖).
    let text = "聚焦“两个覆盖”攻坚,提高组织的覆盖质量。扩大党的组织覆盖和工作覆盖,\
                开展“两个覆盖”排查。";
    let e = expansion_of(text, "两个覆盖");
    assert_eq!(e.components, ["组织覆盖", "工作覆盖"]);
}

#[test]
fn a_long_modifier_before_a_list_is_not_its_first_component() {
    let text = "本文分析了老旧小区公共空间改造的居民议事型和平台协同型两大路径。";
    let e = expansion_of(text, "两大路径");
    assert_eq!(e.components, ["居民议事型", "平台协同型"]);
    assert_eq!(e.consistency, Consistency::Ok);
}

#[test]
fn one_word_holding_both_parts_is_no_parallel_clause() {
    // 重大 holds 重 and 大 of 三重一大 side by side: one word, not a 重… clause with …大.
    let text = "健全“三重一大”决策制度。坚持村里重大事项集体决定,坚持重大事项由乡镇审查。";
    let e = expansion_of(text, "三重一大");
    assert!(e.components.is_empty(), "{:?}", e.components);
    assert_eq!(e.consistency, Consistency::Undefined);
    // A long sentence holding the two characters somewhere is none either; the short
    // clauses built on them are.
    let text = "推进“双招双引”。坚持产业招引与培育并重，加强龙头企业、专精特新企业、\
                高层次人才团队等招引，更加重视要素引进。招商引资，招才引智，双轮驱动。";
    let e = expansion_of(text, "双招双引");
    assert_eq!(e.components, ["招商引资", "招才引智"]);
}

#[test]
fn a_formula_named_after_its_quoted_list_takes_the_list() {
    // The last two items joined by 与, both words: split. The 与 of 参与 is no "and".
    let text = "形成“资源联享、服务联动与活动联办”的三联增效措施。";
    let e = expansion_of(text, "三联增效");
    assert_eq!(e.components, ["资源联享", "服务联动", "活动联办"]);
    assert_eq!(e.consistency, Consistency::Ok);
}

#[test]
fn a_renamed_formula_is_defined_by_the_heads_of_its_semicolon_parts() {
    // “三联” is first renamed (“三个工作理念”: no component), then each part after a
    // semicolon opens with one of the three.
    let text = "“三联”即“三个工作理念”,上下联动,理顺运行机制;左右联动,推进融合共建;\
                党群联动,健全治理体系。";
    let e = expansion_of(text, "三联");
    assert_eq!(e.components, ["上下联动", "左右联动", "党群联动"]);
    assert_eq!(e.consistency, Consistency::Ok);
}

#[test]
fn a_head_noun_ends_its_word_and_loses_its_lead_verb() {
    // 满意度 is no 满意: 两个满意 has no components here.
    let text = "实现“两个满意”。开展满意度评价,进行综合满意度测评。";
    assert!(expansion_of(text, "两个满意").components.is_empty());
    // 履行好 leads the list of 五员.
    let text = "履行好宣传员、信息员、劝导员、调解员、组织员“五员”职责。";
    assert_eq!(
        expansion_of(text, "五员").components,
        ["宣传员", "信息员", "劝导员", "调解员", "组织员"]
    );
}

#[test]
fn a_list_in_brackets_after_the_formulation_defines_it() {
    let text = "深化地区“两会”(地区党建联席会、社区建设协调委员会)制度。";
    let e = expansion_of(text, "两会");
    assert_eq!(e.components, ["地区党建联席会", "社区建设协调委员会"]);
    assert_eq!(e.consistency, Consistency::Ok);
    // A bracket that is no list (a note, one item) defines nothing.
    let text = "落实“两会”(2025年)制度。";
    assert!(expansion_of(text, "两会").components.is_empty());
}

#[test]
fn head_nouns_in_a_list_are_whole_items() {
    // Items of a 、-list of three or four characters before the head are taken whole; the
    // clause's verb before the first goes.
    let text = "深入实施“三大战略”。产业升级战略、项目带动战略、科教强省战略,协同推进。";
    assert_eq!(
        expansion_of(text, "三大战略").components,
        ["产业升级战略", "项目带动战略", "科教强省战略"]
    );
    let text = "建设“三个平台”,打造交流平台、培训平台、服务平台。";
    assert_eq!(
        expansion_of(text, "三个平台").components,
        ["交流平台", "培训平台", "服务平台"]
    );
}

#[test]
fn a_list_before_a_governing_preposition_is_no_definition() {
    // The subject of 按照 (县、乡两级) is not what 六有六防 stands for.
    let text = "为加强档案室建设,县、乡两级按照“六有六防”要求,推行标准化建设。";
    assert!(expansion_of(text, "六有六防").components.is_empty());
    let text = "市、县两级根据“三会一课”制度开展学习。";
    assert!(expansion_of(text, "三会一课").components.is_empty());
}

#[test]
fn a_noun_of_action_ending_a_list_keeps_its_verb() {
    // 培育 ends nouns of action here and does not govern the formulation, which is why it
    // is no governing verb.
    let text =
        "实施国有企业优势产业提升、省属企业新兴产业培育、省属企业专精特新企业培育“三大行动”。";
    assert_eq!(
        expansion_of(text, "三大行动").components,
        [
            "国有企业优势产业提升",
            "省属企业新兴产业培育",
            "省属企业专精特新企业培育"
        ]
    );
}

#[test]
fn a_list_from_further_away_is_shown_only_when_its_count_fits() {
    // The two quoted items after 五社联动 are another sentence's (a count of 2, not 5):
    // no expansion rather than a wrong one.
    let text = "推动“五社联动”，探索“积分制”“清单制”治理。";
    let e = expansion_of(text, "五社联动");
    assert!(e.components.is_empty(), "{:?}", e.components);
    assert_eq!(e.consistency, Consistency::Undefined);
    // A list right before it is still shown when its count does not fit (the text names
    // two of the four).
    let e = expansion_of("建立党建活动、奖惩等四大体系,纳入考核。", "四大体系");
    assert_eq!(e.components, ["党建活动", "奖惩"]);
    assert_eq!(e.consistency, Consistency::Mismatch);
}

#[test]
fn a_quoted_list_named_in_brackets_defines_the_formulation() {
    // (以下简称“四强”): "hereinafter called 四强".
    let text = "现就创建“政治功能强、支部班子强、党员队伍强、作用发挥强”(以下简称“四强”)党支部\
                提出如下方案。";
    let e = expansion_of(text, "四强");
    assert_eq!(
        e.components,
        ["政治功能强", "支部班子强", "党员队伍强", "作用发挥强"]
    );
    assert_eq!(e.consistency, Consistency::Ok);
    // With the head noun between the list and the bracket.
    let text = "规范“政治功能强、支部班子强、党员队伍强、作用发挥强”党支部(简称“四强”党支部)创建。";
    assert_eq!(expansion_of(text, "四强").components.len(), 4);
}

#[test]
fn a_verb_with_the_result_complement_governs_the_formulation() {
    // 走好第一方阵、当好“三个表率”: two verb phrases, not two of the three 表率.
    let text = "走好第一方阵、当好“三个表率”、建设模范机关。";
    let e = expansion_of(text, "三个表率");
    assert!(e.components.is_empty(), "{e:?}");
}

#[test]
fn items_enumerated_right_after_a_formulation_are_its_components() {
    let text = "带领全体党员学党史,做到“三个主动”。一是主动学思,不忘初心。以多种形式学习。\
                二是主动创新,以歌叙史。打造系列党课。三是主动作为,精准发力。选精配强队伍。";
    let e = expansion_of(text, "三个主动");
    assert_eq!(e.components, ["主动学思", "主动创新", "主动作为"]);
    assert_eq!(e.consistency, Consistency::Ok);
    // Enumerated items that do not name the formulation are measures, not its components;
    // an enumeration that starts later in the text belongs to something else.
    let text = "落实“两个覆盖”。一是加强组织建设,二是扩大工作范围。";
    assert!(expansion_of(text, "两个覆盖").components.is_empty());
    let text = "做到“两个主动”。会议强调要抓落实。会后各单位传达。一是主动学习,二是主动作为。";
    assert!(expansion_of(text, "两个主动").components.is_empty());
}

#[test]
fn a_glossary_of_numbered_parts_lists_each_part_s_components() {
    // “四级”为…，“三类”指…: the four of 四级 and the three of 三类, 4 + 3 = 7.
    let text = "2.“四级三类”国土空间规划：“四级”为省、市、县、乡，“三类”指总体规划、详细规划和\
                专项规划。";
    let e = expansion_of(text, "四级三类");
    assert_eq!(
        e.components,
        ["省", "市", "县", "乡", "总体规划", "详细规划", "专项规划"]
    );
    assert_eq!(e.consistency, Consistency::Ok);
}

#[test]
fn a_part_defined_by_a_sentence_is_no_list() {
    let text = "“六横六纵”现代化水网体系：“六横”指六个横向输水大动脉，包括都江堰灌区、引大济岷、\
                长征渠引水、向家坝灌区、引雅济安、南水北调西线6个工程；“六纵”指六个纵向输水大动脉。";
    assert!(expansion_of(text, "六横六纵").components.is_empty());
}

#[test]
fn a_sibling_or_a_count_before_a_formulation_is_no_list() {
    // Another formulation named beside it.
    let text = "争取更多项目纳入中央预算内投资、“两重”“两新”支持。";
    assert!(expansion_of(text, "两新").components.is_empty());
    // A count of it.
    let text = "新增4个国家生态文明建设示范区、4个“两山”实践创新基地。";
    assert!(expansion_of(text, "两山").components.is_empty());
    // Items that are amounts, not counts of it, stay a list.
    let e = expansion_of("经济总量连跨5万亿元、6万亿元“两个台阶”。", "两个台阶");
    assert_eq!(e.components.len(), 2, "{:?}", e.components);
}

#[test]
fn verbs_of_encouragement_before_a_formulation_are_no_list() {
    // 鼓励和支持 take the formulation as their object: a row of verbs, not two components.
    let text = "尤其鼓励和支持“两代表一委员”等设立个人调解工作室。";
    assert!(expansion_of(text, "两代表一委员").components.is_empty());
    let text = "积极引导和鼓励“五老人员”参与调解。";
    assert!(expansion_of(text, "五老人员").components.is_empty());
}

#[test]
fn actors_that_must_do_a_formulation_are_not_its_components() {
    // …党组织和纪检监察机构要立足“两个维度”、着力“三个防止”: the list is the clause's
    // subject (要, "must", before the verb), and 着力 governs the next formulation.
    let text = "论述国有企业基层党组织和纪检监察机构要立足“两个维度”、着力“三个防止”、\
                坚持“四个并重”。";
    assert!(expansion_of(text, "两个维度").components.is_empty());
    assert!(expansion_of(text, "三个防止").components.is_empty());
    // A subject list without the modal still names the components when the verb's
    // object says "both" (荒漠化、沙化土地面积实现“双缩减”).
    let e = expansion_of("荒漠化、沙化土地面积实现“双缩减”。", "双缩减");
    assert_eq!(e.components.len(), 2, "{:?}", e.components);
}

#[test]
fn a_list_named_in_brackets_by_ji_defines_the_formulation() {
    // 社区、社会组织…(即“五社”): the unquoted list the bracket names.
    let text = "2020年以来，社区、社会组织、社会工作者、社区志愿者、社会慈善资源(即“五社”)\
                通力协作形成了社会关爱服务体系。";
    let e = expansion_of(text, "五社");
    assert_eq!(
        e.components,
        [
            "社区",
            "社会组织",
            "社会工作者",
            "社区志愿者",
            "社会慈善资源"
        ]
    );
    assert_eq!(e.consistency, Consistency::Ok);
}

#[test]
fn a_relative_clause_before_a_formulation_lists_its_components() {
    // 社工与义工合作的“两社联动”: "the 两社联动 in which social workers work with
    // volunteers"; the verb of relation and 的 are no part of the last component.
    let text = "它的前身是地方政府提出的社工与义工合作的“两社联动”。";
    assert_eq!(expansion_of(text, "两社联动").components, ["社工", "义工"]);
    let text = "健全自治、法治、德治相结合的“三治融合”体系。";
    assert_eq!(
        expansion_of(text, "三治融合").components,
        ["自治", "法治", "德治"]
    );
    // Parallel items in a relative clause, after two verbs that lead it.
    let text = "坚决防止和纠正拍脑袋决策、拍胸脯保证、拍屁股走人的“三拍”。";
    assert_eq!(
        expansion_of(text, "三拍").components,
        ["拍脑袋决策", "拍胸脯保证", "拍屁股走人"]
    );
    // After a long modifier ending in 的, two-character items as short as the others.
    let text = "它的前身是2004年上海民政部门提出的社区、社团、社工“三社互动”。";
    assert_eq!(
        expansion_of(text, "三社互动").components,
        ["社区", "社团", "社工"]
    );
}

#[test]
fn a_definition_in_brackets_or_quotes_after_ji_ends_with_them() {
    let text = "“三全育人”模式(即“全员育人、全程育人、全方位育人”)作为大学生思想政治教育新机制，\
                已站稳脚跟。";
    let e = expansion_of(text, "三全育人");
    assert_eq!(e.components, ["全员育人", "全程育人", "全方位育人"]);
    assert_eq!(e.consistency, Consistency::Ok);
    let text = "“两个覆盖”工作(即组织覆盖和工作覆盖)取得新进展，成效明显。";
    assert_eq!(
        expansion_of(text, "两个覆盖").components,
        ["组织覆盖", "工作覆盖"]
    );
}

#[test]
fn the_subject_of_a_governing_verb_is_its_actor() {
    // 石景山区人大及其常委会 work on the 两个机关; they are not its components.
    let text = "石景山区人大及其常委会着力于“两个机关”建设，深化代表之家建设。";
    assert!(expansion_of(text, "两个机关").components.is_empty());
}

#[test]
fn a_series_of_named_examples_is_no_list() {
    // Each village with its quoted brand: 三色长超 is the third brand, not a list of three.
    let text =
        "形成了村级党建品牌链，如陈塔村“1号议事日”、重兆村“二园式支部”、长超村“三色长超”等。";
    assert!(expansion_of(text, "三色长超").components.is_empty());
    // Sibling formulations quoted one after another.
    let text = "先后部署推进“三大支撑、八项重点”“发展六仗”“八大行动”“七大攻坚”。";
    assert!(expansion_of(text, "八大行动").components.is_empty());
    // Quoted items alone still list the components.
    let e = expansion_of("坚持“自治”、“法治”、“德治”“三治融合”。", "三治融合");
    assert_eq!(e.components, ["自治", "法治", "德治"]);
}

#[test]
fn a_definition_splits_its_last_item_to_make_the_sum_of_the_numerals() {
    // 三中一青: three 中 and one 青, 3 + 1 = 4 groups.
    let text = "所谓「三中一青」，即中小企业、中低收入户、中南部民众与青年，是工作重点。";
    let e = expansion_of(text, "三中一青");
    assert_eq!(
        e.components,
        ["中小企业", "中低收入户", "中南部民众", "青年"]
    );
    assert_eq!(e.consistency, Consistency::Ok);
}

#[test]
fn a_joint_glossary_gives_each_term_its_own_part() {
    let text =
        "10.“两重”“两新”：国家重大战略实施和重点领域安全能力建设，大规模设备更新和消费品以旧换新。";
    assert_eq!(
        expansion_of(text, "两重").components,
        ["国家重大战略实施", "重点领域安全能力建设"]
    );
    assert_eq!(
        expansion_of(text, "两新").components,
        ["大规模设备更新", "消费品以旧换新"]
    );
    let text = "“三大高地”“五大战略”：革命老区高质量发展高地、内陆地区改革开放高地、\
                国家生态文明建设高地，产业升级战略、项目带动战略、科教强省战略、省会引领战略、\
                治理强基战略。";
    assert_eq!(expansion_of(text, "三大高地").components.len(), 3);
    let e = expansion_of(text, "五大战略");
    assert_eq!(e.components.len(), 5, "{:?}", e.components);
    assert_eq!(e.components[0], "产业升级战略");
}

#[test]
fn the_glossary_entry_of_another_term_is_not_this_one_s() {
    let text =
        "17.科技英才领航工程和“双千”计划：科技英才领航工程是指聚焦科技创新与产业创新深度融合\
                发展，每年布局实施一批人才专项。";
    assert!(expansion_of(text, "双千").components.is_empty());
    // This term's own entry still defines it.
    let text = "“三治融合”：三治融合是指自治、法治、德治相结合。";
    assert_eq!(expansion_of(text, "三治融合").components.len(), 3);
}

#[test]
fn one_quotation_listing_items_with_the_key_morpheme_defines_a_compound() {
    let text = "针对社区防控中如何做到“四早”，压实四方责任。对异常情况及时发现、及时处置，\
                从而做到“早发现、早报告、早隔离、早治疗”。";
    let e = expansion_of(text, "四早");
    assert_eq!(e.components, ["早发现", "早报告", "早隔离", "早治疗"]);
    assert_eq!(e.consistency, Consistency::Ok);
    // Too few items, or items without the key: nothing.
    let text = "做到“四早”。从而做到“早发现、早报告、早隔离”。";
    assert!(expansion_of(text, "四早").components.is_empty());
}

#[test]
fn enumerated_items_lose_the_predicate_they_share() {
    let text = "“五个突破”：一是项目工作取得新突破。全年实施项目210个。二是工业发展取得新突破。\
                石油产能突破35万吨。三是“三农”工作取得新突破。四是城市建设取得新突破。\
                五是民生事业取得新突破。";
    let e = expansion_of(text, "五个突破");
    assert_eq!(
        e.components,
        ["项目工作", "工业发展", "三农工作", "城市建设", "民生事业"]
    );
    // Items without a shared predicate keep their words.
    let text =
        "做到“三个主动”。一是主动学思，不忘初心。二是主动创新，以歌叙史。三是主动作为，精准发力。";
    assert_eq!(
        expansion_of(text, "三个主动").components,
        ["主动学思", "主动创新", "主动作为"]
    );
    // b43: a heading without the name's character gives way to its second clause.
    let text = "提升“三力”,推动事业发展。一是系统谋划,在“干”字上提效力。注重建设。二是供需\
                对接,在“优”字上下气力。积极探索。三是内外宣传,在“实”字上添动力。改变模式。";
    assert_eq!(
        expansion_of(text, "三力").components,
        ["在干字上提效力", "在优字上下气力", "在实字上添动力"]
    );
    // Neither clause holds it: none.
    let text = "提升“三力”。一是系统谋划,注重建设。二是供需对接,积极探索。三是内外宣传,改变模式。";
    assert!(expansion_of(text, "三力").components.is_empty());
}

#[test]
fn a_glossary_entry_of_semicolon_parts_names_each_part_s_subject() {
    let text = "“八个增长”：国内生产总值19.5亿元，增长15.6%；\
                固定资产投资33.6亿元，增长55%；地方财政收入8188万元，增长32.3%；\
                农民人均纯收入2333元，增长19%；城镇居民人均可支配收入10345元，增长20%；\
                规模以上工业增加值8271万元，增长37.9%；社会消费品零售总额5.7亿元，增长22%；\
                非税收入7208万元，增长67%。";
    let e = expansion_of(text, "八个增长");
    assert_eq!(
        e.components,
        [
            "国内生产总值",
            "固定资产投资",
            "地方财政收入",
            "农民人均纯收入",
            "城镇居民人均可支配收入",
            "规模以上工业增加值",
            "社会消费品零售总额",
            "非税收入"
        ]
    );
    assert_eq!(e.consistency, Consistency::Ok);
}

#[test]
fn a_formula_glossed_term_by_term_with_ji_lists_each_term_s_items() {
    let text =
        "一、实施“1+3+N”工程。“1”即一个社区党组织，“3”即社区、社会组织、社工，“N”即多元主体。";
    let e = expansion_of(text, "1+3+N");
    assert_eq!(e.components, ["一个社区党组织", "社区", "社会组织", "社工"]);
}

#[test]
fn quotations_side_by_side_before_a_numbered_list_are_its_items() {
    let text = "深入实施“铸魂工程”“品牌工程”“先锋工程”“一线工程”“底线工程”五项工程，确立了路径。";
    let e = expansion_of(text, "五项工程");
    assert_eq!(
        e.components,
        ["铸魂工程", "品牌工程", "先锋工程", "一线工程", "底线工程"]
    );
}

#[test]
fn what_replaces_a_formulation_is_not_its_components() {
    // The three quotations are the words put in its place (以…取代), no list of its parts.
    let text = "民进党当局试图以“九二精神”“九二会谈”“共同认知”等字眼取代“九二共识”。";
    let e = expansion_of(text, "九二共识");
    assert!(e.components.is_empty(), "{e:?}");
    let text = "用“一网通办”“一窗受理”代替“两头跑”。";
    assert!(expansion_of(text, "两头跑").components.is_empty());
}

#[test]
fn a_list_before_is_split_at_and_to_reach_the_sum_and_loses_its_preposition() {
    // 三建一管: three ways of building and one of managing, 3 + 1 = 4 components.
    let text = "通过单建、转建、联建和选派党建指导员管理“三建一管”方式,实现全覆盖。";
    let e = expansion_of(text, "三建一管");
    assert_eq!(e.components, ["单建", "转建", "联建", "选派党建指导员管理"]);
    let text = "通过党组织、村委会、合作社“三套马车”并驾齐驱。";
    assert_eq!(
        expansion_of(text, "三套马车").components,
        ["党组织", "村委会", "合作社"]
    );
}

#[test]
fn a_bracket_after_a_head_noun_lists_the_components() {
    let text = "推进“九化同步”建设(山坡景观化、寨院个性化、道路香草化、河岸廊道化、土地菜园化、\
                设施现代化、管理智能化、产品品牌化、市场数字化),把产业发展好。";
    let e = expansion_of(text, "九化同步");
    assert_eq!(e.components.len(), 9, "{:?}", e.components);
    assert_eq!(e.components[0], "山坡景观化");
    assert_eq!(e.consistency, Consistency::Ok);
    // More than four characters before the bracket: it is about something else.
    let text = "推进“两会”制度化规范化建设(地区党建联席会、社区协调委员会)。";
    assert!(expansion_of(text, "两会").components.is_empty());
}

#[test]
fn semicolons_part_a_list_whose_items_list_things() {
    let text = "塘约村将立足“四个全部”(全村上下思想全部解放;山、水、林、田、路、村、人、寨等资源\
                全部统筹;对外合作的口子全部打开;对外合作的门槛全部铲掉),发展产业。";
    let e = expansion_of(text, "四个全部");
    assert_eq!(
        e.components,
        [
            "全村上下思想全部解放",
            "山、水、林、田、路、村、人、寨等资源全部统筹",
            "对外合作的口子全部打开",
            "对外合作的门槛全部铲掉"
        ]
    );
}

#[test]
fn a_list_in_running_text_named_by_the_formulation_s_rest_defines_it() {
    let text = "在全国率先开展自治、法治、德治融合的基层治理探索实践。经过多年努力,\
                “三治融合”已发展成为基层治理的一张金名片。";
    let e = expansion_of(text, "三治融合");
    assert_eq!(e.components, ["自治", "法治", "德治"]);
    assert_eq!(e.consistency, Consistency::Ok);
    let text = "健全党组织领导的自治、法治、德治相结合的城乡基层治理体系。桐乡推进“三治融合”。";
    assert_eq!(
        expansion_of(text, "三治融合").components,
        ["自治", "法治", "德治"]
    );
    // Lists of words ending in the key morpheme that name something else.
    let text = "开发区党委、管委会每月召开一次通报会。选优配强村“两委”干部。";
    assert!(expansion_of(text, "两委").components.is_empty());
    let text = "宗教事务治理系统化、规范化、法治化水平持续提高。实施“三化”改造项目304个。";
    assert!(expansion_of(text, "三化").components.is_empty());
}

#[test]
fn a_bracket_closed_inside_a_list_before_is_part_of_its_item() {
    let text = "建立了村规民约(社区公约)、百姓议事会、乡贤参事会、百事服务团、法律服务团、\
                道德评判团“一约两会三团”工作机制。";
    let e = expansion_of(text, "一约两会三团");
    assert_eq!(e.components.len(), 6, "{:?}", e.components);
    assert_eq!(e.components[0], "村规民约(社区公约)");
}

#[test]
fn a_bracket_modifying_a_word_or_numbering_the_list_starts_it() {
    let text =
        "“4”指设置乡镇（街道）党的建设、经济生态（城市管理）、平安法治、民生服务基层治理“四板块”。";
    assert_eq!(
        expansion_of(text, "四板块").components,
        [
            "党的建设",
            "经济生态（城市管理）",
            "平安法治",
            "民生服务基层治理"
        ]
    );
    let text = "1、党支部活动管理条例 1、“三会一课制度 (1)“三会一课”制度包括党员大会。";
    let e = expansion_of(text, "三会一课");
    assert!(e.components.is_empty(), "{:?}", e.components);
}

#[test]
fn a_list_restarts_at_an_item_led_by_a_verb() {
    // The capabilities before 全区组织实施 belong to the clause before; the four talent
    // projects are the 四大工程 (a typo of 、 for ，, as in data/).
    let text = "紧紧围绕提高党政干部的专业化能力、企业经营管理者的现代管理能力、专业技术人才的\
                技术创新能力、农村人才示范推广能力、全区组织实施高素质农民、优秀企业经营管理人才、\
                专业镇区产业领军人才、乡村振兴实用人才四大工程,采取办班培训等方式。";
    let e = expansion_of(text, "四大工程");
    assert_eq!(
        e.components,
        [
            "高素质农民",
            "优秀企业经营管理人才",
            "专业镇区产业领军人才",
            "乡村振兴实用人才"
        ]
    );
    assert_eq!(e.consistency, Consistency::Ok);
}

#[test]
fn a_list_ending_in_the_clause_s_grammar_or_of_examples_is_no_list() {
    let text = "通过资源整合和力量聚合助力社区治理从“一人一岗”向组团服务进阶。";
    assert!(expansion_of(text, "一人一岗").components.is_empty());
    let text =
        "定海路街道第四睦邻点、定海社区公益基金会分别与爱心企业完成了“一小一老”公益服务项目。";
    assert!(expansion_of(text, "一小一老").components.is_empty());
    let text = "该镇打造鑫源木业、商会支部、创业一条街等“两新”党建观摩点。";
    assert!(expansion_of(text, "两新").components.is_empty());
    // Fewer items than the numeral with 等: a list in part, kept.
    let text = "建立“争先夺优”“项目建设”等五本台账,纳入考核。";
    assert_eq!(
        expansion_of(text, "五本台账").components,
        ["争先夺优", "项目建设"]
    );
}

#[test]
fn zhi_after_the_formulation_and_a_comma_defines_it() {
    let text = "推行“两听”,指事前调研倾听、事后回访倾听；“两说”,即村级“两委”会提议、党员大会商议。";
    let e = expansion_of(text, "两听");
    assert_eq!(e.components, ["事前调研倾听", "事后回访倾听"]);
    let e = expansion_of(text, "两说");
    assert_eq!(e.components, ["村级两委会提议", "党员大会商议"]);
    // 指导 is no gloss.
    let text = "用“两个维护”指导实践,推动发展、改革。";
    assert!(expansion_of(text, "两个维护").components.is_empty());
}

#[test]
fn items_alike_cut_a_shorter_modifier_off_the_first() {
    let text = "切实发挥好网格员政策宣传员、信息采集员、治安巡查员、隐患排查员、便民服务员、\
                矛盾调处员“六员”作用。";
    let e = expansion_of(text, "六员");
    assert_eq!(e.components.len(), 6, "{:?}", e.components);
    assert_eq!(e.components[0], "政策宣传员");
}

#[test]
fn a_definition_naming_the_whole_again_and_joining_its_first_two() {
    let text = "“五社联动”,即社区与社会组织、社会工作者、社区志愿者、社会慈善资源的联动机制。";
    let e = expansion_of(text, "五社联动");
    assert_eq!(
        e.components,
        [
            "社区",
            "社会组织",
            "社会工作者",
            "社区志愿者",
            "社会慈善资源"
        ]
    );
    assert_eq!(e.consistency, Consistency::Ok);
}

#[test]
fn a_glossary_starts_at_the_term_before_the_first_gloss_verb() {
    let text = "建立“1+2+X”楼栋治理力量,“1”即1名网格长(或网格员)包干,“2”即1名党小组长和1名\
                楼长包楼,“X”即发动党员、下沉干部、志愿者、居民包岗,并重点发挥“南门楼长”引领作用。";
    let e = expansion_of(text, "1+2+X");
    assert_eq!(
        e.components,
        [
            "1名网格长(或网格员)包干",
            "1名党小组长",
            "1名楼长包楼",
            "发动党员、下沉干部、志愿者、居民包岗"
        ]
    );
    // b25: a definition opening with its term's number ends at the comma; the rest
    // describes it (and its 和 joins no items).
    let text = "推行“1+6+N”的海上党建新模式:“1”即“渔业联盟”海上党建之家,“6”即6家渔业公司,\
                覆盖274艘渔船、46名渔民党员和21名船长党员。";
    let e = expansion_of(text, "1+6+N");
    assert_eq!(e.components[1..], ["6家渔业公司"], "{:?}", e.components);
}

#[test]
fn a_digit_enumerator_is_no_component() {
    let text = "3、***镇消防“一队一中心”在2022年4月通过验收。";
    assert!(expansion_of(text, "一队一中心").components.is_empty());
}

#[test]
fn a_formulation_followed_by_etc_is_a_member_of_the_list_before() {
    let text =
        "以支部星级指数管理、“四类五步法”农村党员分类管理、流动党员教育管理“五大体系”等为抓手。";
    assert!(expansion_of(text, "五大体系").components.is_empty());
}

#[test]
fn a_book_title_mark_opens_the_clause_and_besides_is_a_lead() {
    let text = "根据《关于全面开展机关党组织和在职党员进社区“双报到双报告”工作的意见》,推进工作。";
    let e = expansion_of(text, "双报到双报告");
    assert_eq!(e.components.first().map(String::as_str), Some("机关党组织"));
    let text = "除了村务、党务、财务三务公开,还推行积分制。";
    assert_eq!(
        expansion_of(text, "三务公开").components,
        ["村务", "党务", "财务"]
    );
}

#[test]
fn a_pairing_of_numerals_has_no_components() {
    let text = "五星级党支部与三星级以下党支部“一对一”“一对多”结对帮扶。";
    assert!(expansion_of(text, "一对一").components.is_empty());
}

#[test]
fn a_name_of_one_has_no_components_listed_before_it() {
    // 山阳区-like grid report (wxredian.com): the three grids are merged into the one net,
    // they are not its parts; a list of four before 四个清单 still is.
    let text = "优化网格设置,把综治、城管、卫健等各类网格整合成“一张网”。";
    let e = expansion_of(text, "一张网");
    assert!(e.components.is_empty(), "{:?}", e.components);
    assert_eq!(e.consistency, Consistency::Undefined);
    let text = "乡镇党委根据第一书记工作情况建立了成绩、任务、责任、问题“四个清单”。";
    assert_eq!(
        expansion_of(text, "四个清单").components,
        ["成绩", "任务", "责任", "问题"]
    );
}

#[test]
fn a_chain_of_levels_names_the_levels() {
    // The chain's items keep their brackets, with the 、 inside them (东庄, u40 batch).
    let text = "构建“镇党委—党支部—党小组—党员联系户(党员楼栋长、党员先锋岗)—群众(干部、职工)”的五级组织体系。";
    assert_eq!(
        expansion_of(text, "五级组织体系").components,
        [
            "镇党委",
            "党支部",
            "党小组",
            "党员联系户(党员楼栋长、党员先锋岗)",
            "群众(干部、职工)"
        ]
    );
    let text = "进一步理顺了区、街道、社区、网格四级组织架构。";
    assert_eq!(
        expansion_of(text, "四级组织架构").components,
        ["区", "街道", "社区", "网格"]
    );
}

#[test]
fn owners_and_examples_are_no_components() {
    // u70 batch (咸安, 西畴, 成都, a county report): the levels that each have 两委, a
    // committee, a speaker, and quotations before 等 give no components.
    for (text, name) in [
        ("镇、村“两委”了解到他在外地创业。", "两委"),
        (
            "进入村“两委”班子,从“土专家”“田秀才”等党员中遴选30名。",
            "两委",
        ),
        (
            "认真落实全省工作会议精神、市委“三化三大”工作要求。",
            "三化三大",
        ),
        (
            "贯彻落实关于城市治理和上海市“两张网”重要讲话精神。",
            "两张网",
        ),
    ] {
        let e = expansion_of(text, name);
        assert!(e.components.is_empty(), "{text}: {:?}", e.components);
    }
    // Levels of a 级 formulation are its components; the actors of 两个作用 are.
    assert_eq!(
        expansion_of("构建县、乡、村三级服务网络。", "三级服务网络").components,
        ["县", "乡", "村"]
    );
    assert_eq!(
        expansion_of("充分发挥基层党组织和农村党员“两个作用”。", "两个作用").components,
        ["基层党组织", "农村党员"]
    );
}

#[test]
fn definitions_after_a_colon_by_parts_and_by_quoted_terms() {
    // u80 batch (a state firm, a hospital): the heads of the semicolon parts open with the
    // name; each comma part holds one quoted term.
    let text = "通过“三强化”举措筑牢发展根基:强化班子建设,优化党政班子结构;强化决策机制,\
                修订85项制度规范;强化责任落实,将改革任务细化到支部。";
    assert_eq!(
        expansion_of(text, "三强化").components,
        ["强化班子建设", "强化决策机制", "强化责任落实"]
    );
    let text = "关键看“三心合一”:领导班子要有干事创业的“事业心”,医护人员要有爱院荣院的\
                “进取心”,管理人员要有明责履责的“责任心”。";
    assert_eq!(
        expansion_of(text, "三心合一").components,
        ["事业心", "进取心", "责任心"]
    );
}

#[test]
fn nouns_of_action_aspects_and_names_of_one() {
    // u80 batch (共青团, 营商环境): 资源整合 ends in a verb but is no phrase it leads, so
    // 构建 is cut off the first item; a list of 方面 is where, not what; 一个窗口 is one.
    let text = "构建交流分享、资源整合、工作联动、理论研究“四位一体”协作平台。";
    assert_eq!(
        expansion_of(text, "四位一体").components,
        ["交流分享", "资源整合", "工作联动", "理论研究"]
    );
    for (text, name) in [
        (
            "各级团组织从思想上引领、文化活动、志愿服务、深化改革等方面建立“八个一”结对共建机制。",
            "八个一",
        ),
        (
            "“一个窗口”,是指深入推进各级政务服务“三集中三到位”,坚决杜绝出现“体外循环,前店后厂”。",
            "一个窗口",
        ),
    ] {
        let e = expansion_of(text, name);
        assert!(e.components.is_empty(), "{name}: {:?}", e.components);
    }
}

#[test]
fn a_sum_of_groups_and_a_definition_cut_off_with_its_text() {
    // u90 batch (新就业群体, a first secretary's rules): the groups after the comma make
    // the sum of 三高两快; a page cut off in the fifth item of 六不派 leaves four.
    let text = "新就业群体有着“三高两快”的特点:高学历、高技能、高收入,流动快、思维跳动快。";
    assert_eq!(
        expansion_of(text, "三高两快").components,
        ["高学历", "高技能", "高收入", "流动快", "思维跳动快"]
    );
    // b39 (社区矫正): the second group after the semicolon, each item with 评; not when
    // the groups do not make the sum, nor when the second lacks the character.
    let text = "建立“三查三评”机制:查法律文书完整性、查社会关系复杂性、查犯罪原因特殊性;\
                评再犯罪风险等级、评心理状态稳定性、评社会适应能力,为每名矫正对象定制方案。";
    assert_eq!(
        expansion_of(text, "三查三评").components,
        [
            "查法律文书完整性",
            "查社会关系复杂性",
            "查犯罪原因特殊性",
            "评再犯罪风险等级",
            "评心理状态稳定性",
            "评社会适应能力"
        ]
    );
    let text = "建立“三查三评”机制:查文书、查关系、查原因;评风险、评心理。";
    assert_eq!(expansion_of(text, "三查三评").components.len(), 3);
    let text = "建立“两查两评”机制:查文书、查关系;定风险、定心理。";
    assert_eq!(expansion_of(text, "两查两评").components.len(), 2);
    let text = "选派坚持“六不派”:政治素质不强的不派、农村工作不熟悉的不派、组织协调能力不强的\
                不派、对群众感情淡漠的不派、工作";
    let e = expansion_of(text, "六不派");
    assert_eq!(e.components.len(), 4, "{:?}", e.components);
    assert_eq!(e.consistency, Consistency::Mismatch);
    // With its full stop the text was not cut off: the last item stays.
    let text = "坚持“三不派”:素质不强的不派、能力不足的不派、工作。";
    assert_eq!(expansion_of(text, "三不派").components.len(), 3);
}

#[test]
fn a_quoted_term_ending_each_item_is_the_item() {
    // u90 batch (文明实践, in Traditional script as found, here converted): one quoted
    // term at the end of each item, separators inside brackets aside, across the comma.
    let text = "运用“五单”工作法,即群众“点单”、中心(所、站)“接单”、根据需求“派单”、\
                志愿者或志愿队伍“接单”,最后群众“评单”。";
    assert_eq!(
        expansion_of(text, "五单").components,
        ["点单", "接单", "派单", "接单", "评单"]
    );
    // A quotation inside the item names what it does: the items stay whole.
    let text = "落实“两项举措”,即开展“三亮”活动、实行“积分”管理。";
    assert_eq!(
        expansion_of(text, "两项举措").components,
        ["开展三亮活动", "实行积分管理"]
    );
}

#[test]
fn lists_of_the_u100_batch() {
    // 易地搬迁, 边境党建, 合作社 (u100 batch): a colon after another numbered name is its
    // definition; a list of examples with a count is none; the shared 进 and the verb 统筹
    // are cut off the first item.
    let text = "推行“四建四进”模式,建立三级联动体系:县级领导小组统筹全局,街道选派干部担任书记。";
    assert!(expansion_of(text, "四建四进").components.is_empty());
    let text = "先后涌现出李士村齐永新、串河村摆世军、杨郎村王伟伟等643名既懂党建又懂经营的\
                “二合一”带头人。";
    assert!(expansion_of(text, "二合一").components.is_empty());
    let text = "开展“六进”(进机关、企业、社区、乡镇、学校、寺庙)活动。";
    assert_eq!(
        expansion_of(text, "六进").components,
        ["机关", "企业", "社区", "乡镇", "学校", "寺庙"]
    );
    let text = "统筹大棚、拱棚、露天、庭院“四菜同步”。";
    assert_eq!(
        expansion_of(text, "四菜同步").components,
        ["大棚", "拱棚", "露天", "庭院"]
    );
    // Quoted side by side before the colon, the other name is defined along with it.
    let text = "“三大高地”“五大战略”：甲地高地、乙地高地、丙地高地，一战略、二战略、三战略、四战略、五战略。";
    assert_eq!(
        expansion_of(text, "三大高地").components,
        ["甲地高地", "乙地高地", "丙地高地"]
    );
}

#[test]
fn a_list_assigned_item_by_item_after_the_formulation() {
    // 宁夏 (u100 batch): the four powers are given out respectively (分别) in the sentence
    // of 四权分立; without 分别, or in the next sentence, they are not its parts.
    let text = "探索“四权分立”机制,将决策权、表决权、实施权、监督权分别赋予村党组织、村民代表、\
                村委会和监委会。";
    assert_eq!(
        expansion_of(text, "四权分立").components,
        ["决策权", "表决权", "实施权", "监督权"]
    );
    let text = "探索“四权分立”机制。将决策权、表决权、实施权、监督权分别赋予各方。";
    assert!(expansion_of(text, "四权分立").components.is_empty());
}

#[test]
fn lists_of_the_u110_batch() {
    // 主题教育, 机关党建, 人大 (u110 batch): comma parts that end alike are the items, 、
    // inside them and the sentence going on after them aside; 、 inside brackets splits
    // nothing; a lone verb ending the list, or an owner level with a bracket, makes none.
    let text = "“四下基层”即宣传党的路线、方针、政策下基层,调查研究下基层,信访接待下基层,\
                现场办公下基层,其核心要求与主题教育重点措施高度吻合。";
    assert_eq!(
        expansion_of(text, "四下基层").components,
        [
            "宣传党的路线、方针、政策下基层",
            "调查研究下基层",
            "信访接待下基层",
            "现场办公下基层"
        ]
    );
    let text = "形成区委、镇街、社区(村、企业)“三级联建”格局。";
    assert_eq!(
        expansion_of(text, "三级联建").components,
        ["区委", "镇街", "社区(村、企业)"]
    );
    for (text, name) in [
        ("实施“1515”党建工程、创建“五型机关”。", "五型机关"),
        ("邀请群众代表、村(社区)“两委”成员参加。", "两委"),
    ] {
        let e = expansion_of(text, name);
        assert!(e.components.is_empty(), "{name}: {:?}", e.components);
    }
    // A verb as long as the other items is one of them (改革、开放、创新三大动力).
    assert_eq!(
        expansion_of("激活改革、开放、创新三大动力。", "三大动力").components,
        ["改革", "开放", "创新"]
    );
}

#[test]
fn a_bracketed_item_joined_by_and_and_a_subject_of_five_characters() {
    // b13 (全民健身): the bracket of 游泳馆(池) ends an item though 和 follows it, the item
    // that holds 和 is split to make six, and the subject and adverb before 开展 (设区市主要,
    // five characters) are cut.
    let text = "县(市)主要开展中型全民健身活动中心、体育馆、田径场、游泳馆(池)和体育公园、\
                健身步道“六个一”工程建设。";
    assert_eq!(
        expansion_of(text, "六个一").components,
        [
            "中型全民健身活动中心",
            "体育馆",
            "田径场",
            "游泳馆(池)",
            "体育公园",
            "健身步道"
        ]
    );
    let text = "设区市主要开展大型全民健身中心、体育场、体育馆、游泳馆、体育公园“五个一”工程建设。";
    assert_eq!(
        expansion_of(text, "五个一").components,
        ["大型全民健身中心", "体育场", "体育馆", "游泳馆", "体育公园"]
    );
}

#[test]
fn glossaries_in_brackets_destinations_and_a_comma_for_a_stop() {
    // b11: a glossary of the terms in brackets, one of them holding a bracket of its own.
    let text = "“1+1+N”结对共建(“1”即一所引领高校,“1”即每所引领高校对接一个县(市、区),\
                “N”即3个功能区和市直学校),推进建设。";
    assert_eq!(
        expansion_of(text, "1+1+N").components,
        [
            "一所引领高校",
            "每所引领高校对接一个县(市、区)",
            "3个功能区和市直学校"
        ]
    );
    // b12: the list goes into the formulation (融入), it is not made of it.
    let text = "把生态文明建设全面从细、从实融入“五位一体”总体布局。";
    assert!(expansion_of(text, "五位一体").components.is_empty());
    // b49: a verb of serving alone as the last item takes the formulation as its object.
    let text = "推动引导人才下沉、科技下乡、服务“三农”工作。";
    assert!(expansion_of(text, "三农").components.is_empty());
    // b12: a verb of risk after an adverb opens the clause, not the first item.
    let text =
        "着力防控生产安全、公共领域安全、水旱灾害、气象灾害、森林火灾、地震地质灾害“六大风险”。";
    assert_eq!(expansion_of(text, "六大风险").components[0], "生产安全");
    // b12: a comma typed for 、 after the first quotation.
    let text = "坚定实施“班子形象”,“基层龙头”“机制创新”“风清气正”四大工程。";
    assert_eq!(
        expansion_of(text, "四大工程").components,
        ["班子形象", "基层龙头", "机制创新", "风清气正"]
    );
}

#[test]
fn enumerated_heads_keep_the_name_s_noun_and_drop_a_shared_verb() {
    // b13: the shared verb 推进 is no part of the items, the shared 建设 is (the name ends
    // in it); 一是 may open a paragraph after a blank line, and paragraph heads lose it.
    let text = "扎实推进“六大基础建设”,进一步完善城市功能。一是推进城市公共服务设施建设;\
                二是推进公共文化体育设施建设;三是推进民生保障设施建设;四是推进社会安全体系工程建设;\
                五是推进社区阵地建设;六是推进城市风貌塑造工程建设。";
    assert_eq!(
        expansion_of(text, "六大基础建设").components,
        [
            "城市公共服务设施建设",
            "公共文化体育设施建设",
            "民生保障设施建设",
            "社会安全体系工程建设",
            "社区阵地建设",
            "城市风貌塑造工程建设"
        ]
    );
    let text =
        "镇江市紧扣“三个强化”,加快培育发展社区社会组织。\n\n一是强化党建引领。成立联合党委。\n\n\
                二是强化平台建设。建成孵化基地。\n\n三是强化能力提升。搭建实践舞台。";
    assert_eq!(
        expansion_of(text, "三个强化").components,
        ["强化党建引领", "强化平台建设", "强化能力提升"]
    );
}

#[test]
fn copulas_adverbs_and_verbs_of_holding_before_a_list() {
    // b17: 在于 ("lies in"), an adverb before a verb, 利用 after 即.
    let e = expansion_of(
        "当前基层负担的症结在于权责不明、考核过滥、数据壁垒三大梗阻。",
        "三大梗阻",
    );
    assert_eq!(e.components, ["权责不明", "考核过滥", "数据壁垒"]);
    let e = expansion_of("牢牢守住粮食安全和不发生规模性返贫两条底线。", "两条底线");
    assert_eq!(e.components, ["粮食安全", "不发生规模性返贫"]);
    let e = expansion_of(
        "“四讲”,即利用村民小组会、村三委会、村民代表大会和主题党日,讲政策。",
        "四讲",
    );
    assert_eq!(
        e.components,
        ["村民小组会", "村三委会", "村民代表大会", "主题党日"]
    );
    // b16: levels after a year and a verb, the first a level of one character.
    let e = expansion_of(
        "2020年实现县、乡镇、村社三级矛调中心(站)全覆盖",
        "三级矛调中心",
    );
    assert_eq!(e.components, ["县", "乡镇", "村社"]);
}

#[test]
fn neighbours_demonstratives_and_reaching() {
    // b19: quotations side by side, as many as none of the numeral: the formulation is
    // one of them; a demonstrative before the count; b18: 拓展到 before a list.
    let e = expansion_of(
        "对门山村以“垃圾转运”“污水治理”“宜居农房改造”“五小园”建设等",
        "五小园",
    );
    assert!(e.components.is_empty(), "{:?}", e.components);
    let e = expansion_of(
        "抓住了乡、嘎查、党员中心户、牧民党员这四个主体,",
        "四个主体",
    );
    assert_eq!(e.components, ["乡", "嘎查", "党员中心户", "牧民党员"]);
    let e = expansion_of(
        "补偿指标从单纯水质拓展到产业协作、人才共育等六大领域。",
        "六大领域",
    );
    assert_eq!(e.components, ["产业协作", "人才共育"]);
}

#[test]
fn whole_quotations_keep_their_verbs_and_levels_run_together_split() {
    // b20: after the clause's verb, quotations side by side are the items whole (组建 is
    // the first item's own verb); 紧扣 opens a list.
    let e = expansion_of("持续深化“组建攻坚”“惠企强企”“暖心关爱”三大行动", "三大行动");
    assert_eq!(e.components, ["组建攻坚", "惠企强企", "暖心关爱"]);
    let e = expansion_of("合肥高新区紧扣“一体化”和“高质量”两个关键词,", "两个关键词");
    assert_eq!(e.components, ["一体化", "高质量"]);
    // b21: levels run together as the last item.
    let e = expansion_of("能够坚持较高标准、市县镇三级联动、通过这一抓手", "三级联动");
    assert_eq!(e.components, ["市", "县", "镇"]);
}

#[test]
fn a_list_joined_on_by_yiji_and_paired_verbs_are_cut() {
    // b23, b24: a second list joined on after a comma by 以及 belongs to the same list.
    let e = expansion_of(
        "创新开展党员示范岗、青年文明岗、巾帼示范岗,以及查核能手、分析高手、计算机强手、\
         管理行家“三岗四手”联创活动。",
        "三岗四手",
    );
    assert_eq!(
        e.components,
        [
            "党员示范岗",
            "青年文明岗",
            "巾帼示范岗",
            "查核能手",
            "分析高手",
            "计算机强手",
            "管理行家"
        ]
    );
    assert_eq!(e.consistency, Consistency::Ok);
    // b22, b24: 制定 and a pair of verbs (做大做强) before the list's first item.
    let e = expansion_of(
        "制定文物保护、利用和管理事项三张责任清单,明确主体责任。",
        "三张责任清单",
    );
    assert_eq!(e.components, ["文物保护", "利用", "管理事项"]);
    let e = expansion_of(
        "持续做大做强牦牛、藏羊、青稞、油菜、饲草“五大优势产业”",
        "五大优势产业",
    );
    assert_eq!(e.components, ["牦牛", "藏羊", "青稞", "油菜", "饲草"]);
}

#[test]
fn a_campaign_of_years_lists_nothing() {
    // Its numeral counts years: no three components for 三年行动.
    let e = expansion_of(
        "开展环境提升行动、污染防控行动、乡村治理行动三年行动。",
        "三年行动",
    );
    assert!(e.components.is_empty(), "{:?}", e.components);
}

#[test]
fn heads_of_measures_glosses_in_a_list_and_a_digit_for_a_numeral() {
    // b24: a name of measures (措) shares no character with its heads.
    let text = "三措并举推进殡葬改革工作。\n一是重宣传。通过广播宣传。\n二是明责任。落实责任。\n\
                三是建公墓。建成公墓一座。";
    assert_eq!(
        expansion_of(text, "三措并举").components,
        ["重宣传", "明责任", "建公墓"]
    );
    // b23: a word in brackets stands in its item; 确立 opens the clause.
    let e = expansion_of(
        "广西确立自治区、设区市、县(市区)、乡镇、行政村五级田长制工作格局。",
        "五级田长制",
    );
    assert_eq!(
        e.components,
        ["自治区", "设区市", "县(市区)", "乡镇", "行政村"]
    );
    // b23: “3屏办理” counts its three screens as 三屏办理 would.
    let e = expansion_of("整合手机、电脑、自助一体机“3屏办理”。", "3屏办理");
    assert_eq!(e.components, ["手机", "电脑", "自助一体机"]);
}

#[test]
fn pairs_glossed_in_brackets_and_levels_ending_a_clause() {
    // b24: “A与B” and the joint action the name ends in.
    let text = "以实现“两防一体”(防空与防灾一体化)、“两建同步”(人防建设与经济建设同步)为着力点。";
    assert_eq!(expansion_of(text, "两防一体").components, ["防空", "防灾"]);
    assert_eq!(
        expansion_of(text, "两建同步").components,
        ["人防建设", "经济建设"]
    );
    // b23: levels run together at the end of the clause's one item.
    let e = expansion_of("陆川县坚持县镇村三级联动,推动志愿服务。", "三级联动");
    assert_eq!(e.components, ["县", "镇", "村"]);
}

#[test]
fn prepositions_and_a_formulation_before_the_list_are_none_of_it() {
    // b27, b23: 对 and 为 open the clause.
    let e = expansion_of("对无依据、无实效、多头重复事项“三个不纳入”", "三个不纳入");
    assert_eq!(e.components, ["无依据", "无实效", "多头重复事项"]);
    let e = expansion_of("为社区工作者和居民“双减负”。", "双减负");
    assert_eq!(e.components, ["社区工作者", "居民"]);
    // b25: 建成 opens the clause; the second list starts after the first formulation's 和.
    let text =
        "推动建成蔬菜、西瓜、林果“三个万亩”规模产业和柠檬、沃柑、葡萄、芒果“四个千亩”示范基地";
    assert_eq!(
        expansion_of(text, "三个万亩").components,
        ["蔬菜", "西瓜", "林果"]
    );
    assert_eq!(
        expansion_of(text, "四个千亩").components,
        ["柠檬", "沃柑", "葡萄", "芒果"]
    );
}

#[test]
fn predicates_after_the_list_and_a_counted_list_before_it() {
    // b29: the list is the subject of 成为; b28: levels that did something (形成了).
    let e = expansion_of(
        "党员干部、非公党员、流动党员成为引领全区志愿服务建设的“三龙头”;",
        "三龙头",
    );
    assert_eq!(e.components, ["党员干部", "非公党员", "流动党员"]);
    let e = expansion_of("省、市、县、乡形成了“四级联动”工作格局", "四级联动");
    assert_eq!(e.components, ["省", "市", "县", "乡"]);
    // b30: 以 opens the clause; the second list starts after the first count's 和.
    let text = "形成了以有色金属、家居智造、新能源新材料三大主导产业和电子信息、商贸物流、\
                现代农业、文化旅游四大培育产业为支撑的体系";
    assert_eq!(
        expansion_of(text, "三大主导产业").components,
        ["有色金属", "家居智造", "新能源新材料"]
    );
    assert_eq!(
        expansion_of(text, "四大培育产业").components,
        ["电子信息", "商贸物流", "现代农业", "文化旅游"]
    );
}

#[test]
fn a_list_whose_etc_goes_on_into_a_clause_is_no_lead() {
    // b42: the departments are the subject of 参与, more than two, and no components of
    // 两个覆盖.
    let e = expansion_of(
        "建立民政、司法、财政等多部门共同参与的“两个覆盖”常态化沟通协作机制",
        "两个覆盖",
    );
    assert!(e.components.is_empty(), "{:?}", e.components);
    // A partial list closed by 等 still is one (b18).
    let e = expansion_of("拓展到产业协作、人才共育等六大领域", "六大领域");
    assert_eq!(e.components, ["产业协作", "人才共育"]);
}

#[test]
fn lists_of_the_b43_batch() {
    // Elderly care (天津): one item for each term of a digit formula, the last split at
    // 以及, without the whole the list modifies.
    let text = "建设“1+5+7+N”养老服务体系,即1个中心、5个为老服务驿站、7个服务项目以及衍生出\
                N项养老服务的综合养老模式,至今已经为社区老人提供服务。";
    let e = expansion_of(text, "1+5+7+N");
    assert_eq!(
        e.components,
        [
            "1个中心",
            "5个为老服务驿站",
            "7个服务项目",
            "衍生出N项养老服务"
        ]
    );
    assert_eq!(e.consistency, Consistency::Ok);
    // Disability federation (眉县): a list joined by 和 right after the quoted formulation
    // before it starts after the 和.
    let text = "培养信念坚定型、本领高强型、堪当重任型、同心奋进型、严于律己型的“五型干部”和\
                热心、真心、贴心、细心、耐心的“五心干部”,实现积极作为。";
    assert_eq!(
        expansion_of(text, "五心干部").components,
        ["热心", "真心", "贴心", "细心", "耐心"]
    );
}

#[test]
fn two_items_do_not_define_a_formula_of_two_terms() {
    // b11 (科协), b24 (双拥): places and names before “3+1” and “1+4” are no terms.
    let text = "分别在塔城镇和永春乡试点基层科协组织“3+1”建设,不断扩大覆盖面。";
    assert!(expansion_of(text, "3+1").components.is_empty());
    let text = "建立军地“三共一办”工作机制和“3+1”拥军“1+4”爱民机制,打造拥军一条街。";
    assert!(expansion_of(text, "1+4").components.is_empty());
}

#[test]
fn semicolon_heads_after_a_preposition_of_means_and_with_a_quoted_word() {
    // b46 (货车司机红色之家): 即通过 opens the first part; “爱心卡” stands in the third head.
    let text = "现场发布了“四个一”活动,即通过发布一个电话号码,为货车司机提供热线;开放一张网,\
                让货车司机免费上网;派送一张“爱心卡”,货车司机可凭此卡享受服务;公布一系列活动,\
                为货车司机开展人文关怀。";
    assert_eq!(
        expansion_of(text, "四个一").components,
        [
            "发布一个电话号码",
            "开放一张网",
            "派送一张爱心卡",
            "公布一系列活动"
        ]
    );
}

#[test]
fn lists_of_the_b51_batch() {
    // Social security (淮南): the enumerators that open the parallel clauses are no part
    // of them.
    let text = "开展了“四进四促”活动。一是进基层机关,促工作转变。带领科室服务;二是进事业单位,\
                促服务提升。带领科室服务;三是进各类园区,促发展。带领机构服务。四是进社区(村),\
                促和谐。协同推进。";
    assert_eq!(
        expansion_of(text, "四进四促").components,
        [
            "进基层机关,促工作转变",
            "进事业单位,促服务提升",
            "进各类园区,促发展",
            "进社区(村),促和谐"
        ]
    );
    // 菏泽: the frame 在…上 around the list.
    let text = "力争使服务平台在形象外观、环境设施、服务行为、业务流程、管理制度、工作岗位上达到\
                “六个规范”。";
    assert_eq!(
        expansion_of(text, "六个规范").components,
        [
            "形象外观",
            "环境设施",
            "服务行为",
            "业务流程",
            "管理制度",
            "工作岗位"
        ]
    );
}

#[test]
fn a_formula_quoted_inside_a_phrase_takes_no_list_from_before_the_phrase() {
    // b41: the names before the outer quotation are other programmes, not parts of 六进.
    let text = "推出智汇台州、百校引才、“大学生新政‘六进’宣传”等活动。";
    assert!(expansion_of(text, "六进").components.is_empty());
    // b53: the inner formula is found, and its list after the phrase still counts.
    let text = "自我区启动“约定海边‘六进’巡回宣讲”活动以来,推动理论高质量进企业、进农村、\
                进机关、进校园、进社区、进网络。";
    let names: Vec<String> = crate::slogans::extract(text)
        .into_iter()
        .map(|m| m.normalized)
        .collect();
    assert!(names.iter().any(|n| n == "六进"), "{names:?}");
    assert_eq!(inside_outer_quote("启动“约定海边‘"), "约定海边‘");
    assert_eq!(inside_outer_quote("“甲”乙‘"), "“甲”乙‘");
    assert_eq!(inside_outer_quote("没有引号"), "没有引号");
}

#[test]
fn the_verb_of_the_key_stays_with_a_quoted_term() {
    // b52 (汉滨 water bureau): 争 of 双争 stands before each quoted term, in none of them.
    let text = "“双争”:即争创“先进党支部”、争做“优秀共产党员”。以创建支部为目标。";
    assert_eq!(
        expansion_of(text, "双争").components,
        ["争创先进党支部", "争做优秀共产党员"]
    );
    // The key inside the quoted terms: the terms alone (五单 = 点单, 接单, …).
    let text = "运用“三单”工作法,即群众“点单”、中心“派单”、群众“评单”。";
    assert_eq!(
        expansion_of(text, "三单").components,
        ["点单", "派单", "评单"]
    );
}

#[test]
fn whole_items_of_a_list_end_in_the_head_noun() {
    // b55 (双拥): items of up to six characters before 平台 are taken whole.
    let text = "全面打造“公益行动平台、国防教育宣传平台、公益服务拥军平台、为老服务对接平台”,\
                通过“四个平台”的运作,形成格局。";
    assert_eq!(
        expansion_of(text, "四个平台").components,
        [
            "公益行动平台",
            "国防教育宣传平台",
            "公益服务拥军平台",
            "为老服务对接平台"
        ]
    );
}

#[test]
fn a_list_drawn_up_as_a_standard_loses_its_verb_and_the_name_s_modifier() {
    // b48: 制定 takes the whole list and the standard as its object; 党建强 qualifies 六好.
    let text = "文山州建强基层党组织,制定选出一名好书记、配齐一套好班子、带出一支好队伍、\
                筑牢一个好阵地、落实一套好制度、营造一个好氛围的党建强“六好”指导性标准。";
    assert_eq!(
        expansion_of(text, "六好").components,
        [
            "选出一名好书记",
            "配齐一套好班子",
            "带出一支好队伍",
            "筑牢一个好阵地",
            "落实一套好制度",
            "营造一个好氛围"
        ]
    );
}

#[test]
fn section_headings_give_the_parts_by_their_first_or_second_clause() {
    // b60: each section heading holds a 红 in its first clause and a 力 in its second;
    // the short sentences opening the paragraphs (挖掘好红色资源。) hold 红 too, but are no
    // headings of their own.
    let text = "自贡市委党史研究室“三红”“三力”用好用活红色资源\n\
                利用红色资源,提升党史学习教育吸引力\n\
                挖掘好红色资源。利用烈士陵园改陈布展之机,充分挖掘红色资源。\n\
                讲好红色故事,提升党史学习教育感染力\n\
                解码红色精神,开展口述史料征集整理。\n\
                传承红色基因,提升党史学习教育渗透力\n\
                完善红色资源保护利用机制。";
    assert_eq!(
        expansion_of(text, "三红").components,
        ["利用红色资源", "讲好红色故事", "传承红色基因"]
    );
    assert_eq!(
        expansion_of(text, "三力").components,
        ["吸引力", "感染力", "渗透力"]
    );
}

#[test]
fn a_clause_s_year_verb_of_winning_and_run_in_words_are_no_part_of_the_first_item() {
    // b64: the year and 在 open the first item, 中获得 ends the last.
    let text = "商洛市供销社在2017年度综合考核、脱贫攻坚考核中获得“双优秀”。";
    assert_eq!(
        expansion_of(text, "双优秀").components,
        ["综合考核", "脱贫攻坚考核"]
    );
    // b65: the clause runs into a list of single characters.
    let text = "满洲里口岸是我国沿边口岸中唯一集公、铁、空“三位一体”的国际口岸。";
    assert_eq!(
        expansion_of(text, "三位一体").components,
        ["公", "铁", "空"]
    );
    // b61: the preposition of means before items opening alike.
    let text =
        "深化“双培双带”机制,通过把业务骨干培养成党员、把党员培养成业务骨干的“双向培养”路径。";
    assert_eq!(
        expansion_of(text, "双向培养").components,
        ["把业务骨干培养成党员", "把党员培养成业务骨干"]
    );
}

#[test]
fn a_list_of_ones_takes_the_heads_holding_one_and_a_measure_word() {
    // b66: the items of 四个一 are enumerated a paragraph after the title naming it.
    let text = "化隆县“四个一”加强东西部扶贫协作工作\n进一步促进东西部扶贫协作工作深入开展。\n\
                一是出台了一个文件。县委制定出台了通知。二是组建了一支队伍。县里成立了办公室。\
                三是制定了一个计划。县扶贫部门拟定了计划。四是召开了一次会议。县里召开会议。";
    assert_eq!(
        expansion_of(text, "四个一").components,
        [
            "出台了一个文件",
            "组建了一支队伍",
            "制定了一个计划",
            "召开了一次会议"
        ]
    );
    // b62: as heads of the next paragraphs, longer than the heads holding a key morpheme.
    let text =
        "开展家庭教育促进法“三个一”学习宣传活动。\n实施一批社会宣传项目。制作发布公益宣传片。\n\
                开发一批家庭教育专题课程。邀请专家解读。\n征集一批家庭教育优秀作品。面向全省征集。";
    assert_eq!(
        expansion_of(text, "三个一").components,
        [
            "实施一批社会宣传项目",
            "开发一批家庭教育专题课程",
            "征集一批家庭教育优秀作品"
        ]
    );
    // The first item loses the adverb and verb of the clause (大力实施…, b70).
    let text = "大力实施铸牢中华民族共同体意识、带领群众致富、维护社会稳定、守卫边疆领土、\
                开展反分裂斗争“五项行动”。";
    assert_eq!(
        expansion_of(text, "五项行动").components[0],
        "铸牢中华民族共同体意识"
    );
}

#[test]
fn a_last_item_closing_with_the_owner_s_level_lists_no_components() {
    // b74: 村 closes the clause's last item: 两委 is the village's, not made of the list.
    let text = "如何宣传、让这些朗朗上口的文字入脑入心成了村“两委”的新课题。";
    assert!(expansion_of(text, "两委").components.is_empty());
    // Items that all close with a level stay a list of levels.
    let text = "建立县、乡、村“三级联动”机制。";
    assert_eq!(
        expansion_of(text, "三级联动").components,
        ["县", "乡", "村"]
    );
}

#[test]
fn a_formulation_inside_the_last_member_of_a_list_is_not_named_by_it() {
    // b76: 提出地 ends as 发源地 does: the list is of what 兰考 is, 三起来 inside its last.
    let text = "兰考是焦裕禄精神发源地、群众路线教育实践活动联系点、县域治理“三起来”提出地。";
    assert!(expansion_of(text, "三起来").components.is_empty());
    // A clause's verb before a list (紧盯, 采用, 面临) is no part of its first item.
    let text = "同心县紧盯党员干部、未婚女青年、婚介群体三个重点群体。";
    assert_eq!(
        expansion_of(text, "三个重点群体").components,
        ["党员干部", "未婚女青年", "婚介群体"]
    );
}

#[test]
fn a_first_word_before_single_characters_stays_whole() {
    // b80: 国家 is the first of six levels, not a clause running into them.
    let text = "构建国家、省、市、县、乡、村“六级联动”工作体系。";
    assert_eq!(
        expansion_of(text, "六级联动").components,
        ["国家", "省", "市", "县", "乡", "村"]
    );
}

#[test]
fn a_name_of_two_numerals_followed_by_etc_takes_as_many_items_as_their_sum() {
    // b74: 四会一队 = 4 + 1 items listed before 等; not examples of a count of four.
    let text =
        "红白理事会、禁毒禁赌会、道德评议会、村民议事会、移风易俗劝导队等“四会一队”作用明显加强。";
    assert_eq!(
        expansion_of(text, "四会一队").components,
        [
            "红白理事会",
            "禁毒禁赌会",
            "道德评议会",
            "村民议事会",
            "移风易俗劝导队"
        ]
    );
}
