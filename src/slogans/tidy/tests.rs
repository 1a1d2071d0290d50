use super::*;

#[test]
fn a_long_modifier_is_cut_off_the_first_item() {
    let others = ["平台协同型".to_string()];
    let mut first = "分析当下党建引领小微公共空间更新的专业赋能型".to_string();
    strip_modifier_against(&mut first, &others);
    assert_eq!(first, "专业赋能型");
    // A component with 的 of its own, as long as the others: kept.
    let others = ["组织建设".to_string(), "作风建设".to_string()];
    let mut first = "党的政治建设".to_string();
    strip_modifier_against(&mut first, &others);
    assert_eq!(first, "党的政治建设");
    // Too little after the 的: kept.
    let others = ["乙".to_string()];
    let mut first = "很长很长的修饰语的甲".to_string();
    strip_modifier_against(&mut first, &others);
    assert_eq!(first, "很长很长的修饰语的甲");
    // b37: three others or more of two characters cut it to two (产业发展生产 beside
    // 加工、科技、营销); two others of two characters only when all end alike.
    let others = ["加工", "科技", "营销"].map(String::from);
    let mut first = "产业发展生产".to_string();
    strip_modifier_against(&mut first, &others);
    assert_eq!(first, "生产");
    let others = ["科技", "营销"].map(String::from);
    let mut first = "产业发展生产".to_string();
    strip_modifier_against(&mut first, &others);
    assert_eq!(first, "产业发展生产");
    // b45: three others alike that open as the first item's tail does (小…): cut to it;
    // not when they open otherwise, nor with two others only.
    let others = ["小餐馆", "小诊所", "小作坊"].map(String::from);
    let mut first = "辖区小商店".to_string();
    strip_modifier_against(&mut first, &others);
    assert_eq!(first, "小商店");
    let others = ["餐馆小", "诊所小", "作坊小"].map(String::from);
    let mut first = "辖区小商店".to_string();
    strip_modifier_against(&mut first, &others);
    assert_eq!(first, "辖区小商店");
    // b54: two others of two characters, all three ending alike.
    let others = ["绿化", "美化"].map(String::from);
    let mut first = "村庄洁化".to_string();
    strip_modifier_against(&mut first, &others);
    assert_eq!(first, "洁化");
    let others = ["小餐馆", "小诊所"].map(String::from);
    let mut first = "辖区小商店".to_string();
    strip_modifier_against(&mut first, &others);
    assert_eq!(first, "辖区小商店");
}

#[test]
fn a_modifier_without_de_is_cut_where_the_other_items_are_all_as_long() {
    // 建立农村党支部书记任职形式、履职行为、补贴待遇…“五个专业化”机制: the four others
    // all have four characters, so the first item is its last four.
    let others: Vec<String> = ["履职行为", "补贴待遇", "教育培训", "考核约束"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let mut first = "农村党支部书记任职形式".to_string();
    strip_modifier_against(&mut first, &others);
    assert_eq!(first, "任职形式");
    // Not more than twice as long: kept (党的 is part of the component).
    let mut first = "党的政治建设".to_string();
    strip_modifier_against(&mut first, &others);
    assert_eq!(first, "党的政治建设");
    // Others of unequal lengths, or only one other: no evidence of a pattern; kept.
    let others = ["履职行为".to_string(), "补贴待遇与保障".to_string()];
    let mut first = "农村党支部书记任职形式".to_string();
    strip_modifier_against(&mut first, &others);
    assert_eq!(first, "农村党支部书记任职形式");
    let others = ["履职行为".to_string()];
    strip_modifier_against(&mut first, &others);
    assert_eq!(first, "农村党支部书记任职形式");
}

#[test]
fn two_character_items_alike_cut_the_first_only_when_all_end_alike() {
    let others = ["街区".to_string(), "社区".to_string()];
    let mut first = "提出要打造一城三带文旅集聚区和探索景区".to_string();
    strip_modifier_against(&mut first, &others);
    assert_eq!(first, "景区");
    // 乡村振兴战略 beside 党建、治理: no common ending, no evidence; kept.
    let others = ["党建".to_string(), "治理".to_string()];
    let mut first = "全面实施乡村振兴战略".to_string();
    strip_modifier_against(&mut first, &others);
    assert_eq!(first, "全面实施乡村振兴战略");
}

#[test]
fn a_subject_and_copula_are_cut_off_when_that_balances_the_list() {
    assert_eq!(
        strip(&["越丰村是沪杭高铁", "沪杭高速"]),
        ["沪杭高铁", "沪杭高速"]
    );
    // 是 ending a word leaves nothing to balance.
    assert_eq!(strip(&["实事求是", "解放思想"]), ["实事求是", "解放思想"]);
    // A perfective 了 ends the clause before the list (同心县, sol2013.org: 根据第一书记
    // 工作情况建立了成绩、任务、责任、问题“四个清单”).
    assert_eq!(
        strip(&["第一书记工作情况建立了成绩", "任务", "责任", "问题"]),
        ["成绩", "任务", "责任", "问题"]
    );
    // 将 and 把 opening every item (咸安, u70 batch).
    assert_eq!(
        stripped_lead(vec![
            "将基层党员培养成致富带头人".to_string(),
            "把致富带头人培养成党员".to_string()
        ]),
        ["基层党员培养成致富带头人", "致富带头人培养成党员"]
    );
    // After 了 a shorter item is enough (四级组织架构 of seed 002).
    assert_eq!(
        strip(&["进一步理顺了区", "街道", "社区", "网格"]),
        ["区", "街道", "社区", "网格"]
    );
    // 了解 is a verb of its own; nothing balances here either.
    assert_eq!(strip(&["了解民情", "化解矛盾"]), ["了解民情", "化解矛盾"]);
    assert_eq!(
        strip(&["加强了解民情工作", "化解矛盾"]),
        ["加强了解民情工作", "化解矛盾"]
    );
}

#[test]
fn a_verb_with_the_result_complement_is_cut_when_that_balances() {
    assert_eq!(
        strip(&["织好党建网格", "村居网格", "功能网格"]),
        ["党建网格", "村居网格", "功能网格"]
    );
    // 美好 is no verb and 好 of it stays.
    assert_eq!(
        strip(&["美好生活", "幸福", "安康"]),
        ["美好生活", "幸福", "安康"]
    );
    // What the verb leaves may be shorter than the other items (新乡, xpaper.net).
    assert_eq!(
        strip(&["带好村三委", "党员和村民代表", "志愿服务"]),
        ["村三委", "党员和村民代表", "志愿服务"]
    );
}

#[test]
fn a_preposition_of_means_is_cut_off_the_first_item() {
    assert_eq!(
        strip(&["通过党组织", "村委会", "合作社"]),
        ["党组织", "村委会", "合作社"]
    );
    assert_eq!(
        strip(&["按照景区", "街区", "社区"]),
        ["景区", "街区", "社区"]
    );
}

fn strip(items: &[&str]) -> Vec<String> {
    let mut v: Vec<String> = items.iter().map(|s| s.to_string()).collect();
    strip_lead(&mut v);
    v
}

#[test]
fn etc_and_the_summing_noun_are_cut() {
    assert_eq!(cut_etc("小区业主等力量"), "小区业主");
    assert_eq!(cut_etc("辅警等5个主体参与"), "辅警");
    assert_eq!(cut_etc("村居干部等"), "村居干部");
    // 等 in a word, at the start, or far from the end stays.
    assert_eq!(cut_etc("平等协商"), "平等协商");
    assert_eq!(cut_etc("发展中等收入群体"), "发展中等收入群体");
    assert_eq!(cut_etc("一等奖"), "一等奖");
    assert_eq!(cut_etc("等级评定"), "等级评定");
    assert_eq!(cut_etc("评再犯罪风险等级"), "评再犯罪风险等级");
    assert_eq!(cut_etc("安全生产等次"), "安全生产等次");
    assert_eq!(
        cut_etc("居民志愿者等共同组成的小区红管家志愿服务队伍"),
        "居民志愿者等共同组成的小区红管家志愿服务队伍"
    );
}

#[test]
fn the_lead_verb_of_the_first_item_is_cut() {
    assert_eq!(
        strip(&["全面启动农村党建联合体", "社区党建综合体", "机关党建融合体"]),
        ["农村党建联合体", "社区党建综合体", "机关党建融合体"]
    );
    assert_eq!(strip(&["茅箭区深化社区", "业委会", "物业公司"])[0], "社区");
    assert_eq!(strip(&["开展亮身份", "亮职责", "亮承诺"])[0], "亮身份");
    // Two leads, one after the other (我们将 | 聚力实施), and the preposition 将.
    assert_eq!(
        strip(&["我们将聚力实施产业能级跃升", "科创能力攀登"])[0],
        "产业能级跃升"
    );
    assert_eq!(strip(&["将党的建设", "具体业务"])[0], "党的建设");
    // A glossary's 是指 ("refers to") before the first item.
    assert_eq!(
        strip(&["第二个4是指生物制造", "氢能", "脑机接口", "具身智能"])[0],
        "生物制造"
    );
    // …but not the 将 of 将军 nor the 把 of 把关.
    assert_eq!(strip(&["将军馆", "海洋馆"])[0], "将军馆");
    assert_eq!(strip(&["把关机制", "审核机制"])[0], "把关机制");
    // Items that are verb phrases alike keep their verbs.
    assert_eq!(strip(&["推进改革", "推动发展"])[0], "推进改革");
    // A verb far into the item is no lead-in; a verb with less than two characters
    // after it is kept.
    assert_eq!(
        strip(&["党员干部带头深化改革", "群众参与"])[0],
        "党员干部带头深化改革"
    );
    assert_eq!(strip(&["开展学", "比学"])[0], "开展学");
    assert_eq!(
        strip(&["组织生活集中学", "一线实践研讨学"])[0],
        "组织生活集中学"
    );
}

#[test]
fn a_verb_that_also_starts_components_is_cut_only_where_that_balances_the_list() {
    assert_eq!(strip(&["提升通算", "智算", "超算", "量算"])[0], "通算");
    assert_eq!(strip(&["建设医疗", "医保", "医药"])[0], "医疗");
    assert_eq!(strip(&["创建服务", "需求"])[0], "服务");
    assert_eq!(strip(&["坚持稳面积", "增单产"])[0], "稳面积");
    // Verb phrases alike keep their verbs, whichever verb the others start with.
    assert_eq!(strip(&["强化督导", "强化落实"])[0], "强化督导");
    assert_eq!(strip(&["强化督导", "加强落实"])[0], "强化督导");
    // What is left is shorter than every other item, or longer: kept.
    assert_eq!(
        strip(&["加快引育新主体", "着力拓展新市场", "积极发展新模式"])[0],
        "加快引育新主体"
    );
    assert_eq!(
        strip(&["加快国家新型互联网交换", "算力网络枢纽"])[0],
        "加快国家新型互联网交换"
    );
    // Nothing but the verb would be left; one character beside one-character items.
    assert_eq!(strip(&["发展", "稳定"])[0], "发展");
    assert_eq!(strip(&["完善省", "市", "开发区"])[0], "省");
    // Other items that are the word alone are nouns, not verb phrases alike.
    assert_eq!(strip(&["强化改革", "开放", "创新"])[0], "改革");
    assert_eq!(strip(&["激活改革", "开放", "创新"])[0], "改革");
    // 做到企业经营状况清、从业人员数量清…“四个清”.
    assert_eq!(
        strip(&["做到企业经营状况清", "从业人员数量清", "党员队伍数量清"])[0],
        "企业经营状况清"
    );
    // 纳入“争先夺优”“项目建设”等五本台账.
    assert_eq!(strip(&["纳入争先夺优", "项目建设"])[0], "争先夺优");
    // 随着城市化、信息化及工业化的“三化叠加” (the preposition "along with").
    assert_eq!(strip(&["随着城市化", "信息化", "工业化"])[0], "城市化");
    // 采取统一标识标牌、统一功能布局、统一管理标准“三统一”措施.
    assert_eq!(
        strip(&["采取统一标识标牌", "统一功能布局", "统一管理标准"])[0],
        "统一标识标牌"
    );
    // An essay's summary: 分析专业赋能型和平台协同型两大路径.
    assert_eq!(strip(&["分析专业赋能型", "平台协同型"])[0], "专业赋能型");
    assert_eq!(strip(&["总结党建联建", "资源共享"])[0], "党建联建");
}

#[test]
fn a_relative_clause_s_de_and_verb_of_relation_are_cut() {
    assert_eq!(cut_relative("德治相结合的"), "德治");
    assert_eq!(cut_relative("义工合作的"), "义工");
    assert_eq!(cut_relative("业务深度融合的"), "业务");
    assert_eq!(cut_relative("拍屁股走人的"), "拍屁股走人");
    // No 的, or nothing left: unchanged.
    assert_eq!(cut_relative("社会融合"), "社会融合");
    assert_eq!(cut_relative("相结合的"), "相结合的");
}

#[test]
fn a_duration_that_ends_an_item_is_cut() {
    assert_eq!(cut_duration("死亡人数连续9年"), "死亡人数");
    assert_eq!(cut_duration("满意度连续十三年"), "满意度");
    assert_eq!(cut_duration("增速连续3个月"), "增速");
    // Not a duration, or nothing left before it.
    assert_eq!(cut_duration("连续性保障"), "连续性保障");
    assert_eq!(cut_duration("连续3年"), "连续3年");
    assert_eq!(cut_duration("考核连续三年获得"), "考核连续三年获得");
}

#[test]
fn enumerators() {
    assert!(is_enumerator("一"));
    assert!(is_enumerator("十一"));
    assert!(!is_enumerator("一线"));
    assert!(!is_enumerator(""));
}

#[test]
fn the_frame_yi_wei_is_cut_off_a_list() {
    // b9, b10: 以…为主要内容(的) around a list, or around one item of it.
    let mut items: Vec<String> = ["以抢先一步", "上前一步", "提升一步为主要内容"]
        .map(String::from)
        .to_vec();
    cut_yi_wei(&mut items);
    assert_eq!(items, ["抢先一步", "上前一步", "提升一步"]);
    let mut items: Vec<String> = ["一条主线", "以98个行政村农民夜校为阵地的"]
        .map(String::from)
        .to_vec();
    cut_yi_wei(&mut items);
    assert_eq!(items, ["一条主线", "98个行政村农民夜校"]);
    // No frame: an idiom whose 为 takes one character (以人为本, 服务为先).
    let mut items: Vec<String> = ["以人为本", "服务为先"].map(String::from).to_vec();
    cut_yi_wei(&mut items);
    assert_eq!(items, ["以人为本", "服务为先"]);
    // The preposition 以 that opens such a frame is left for it to cut (b9).
    let others = ["上前一步", "提升一步为主要内容"].map(String::from);
    let mut first = String::from("以抢先一步");
    strip_lead_against(&mut first, &others);
    assert_eq!(first, "以抢先一步");
    // Without the frame's end, 以 opening the clause is cut (以有色金属、家居智造…).
    let others = ["家居智造", "文旅康养"].map(String::from);
    let mut first = String::from("以有色金属");
    strip_lead_against(&mut first, &others);
    assert_eq!(first, "有色金属");
}

#[test]
fn subjects_before_yi_chengwei_xiashe_and_a_modal_are_cut() {
    // b31, b33, b34: a subject before the preposition 以, the copula 成为, the lead verb
    // 下设, and the modal 要 before an adverb and a verb of holding.
    let cut = |first: &str, others: &[&str]| {
        let others: Vec<String> = others.iter().map(|s| s.to_string()).collect();
        let mut first = first.to_string();
        strip_lead_against(&mut first, &others);
        first
    };
    assert_eq!(
        cut(
            "该行党委以红色引擎领航定向",
            &["红色堡垒扎根产业", "红色铁军攻坚克难"]
        ),
        "红色引擎领航定向"
    );
    assert_eq!(
        cut("成为零重大安全事故", &["零重大社会舆情", "零投诉"]),
        "零重大安全事故"
    );
    assert_eq!(cut("下设农业", &["工业", "生活", "综合"]), "农业");
    assert_eq!(cut("要牢牢守好发展", &["生态"]), "发展");
    // 以 inside a word stays (可以, 以及), and so does one that leaves too much.
    assert_eq!(cut("可以先行先试", &["大胆探索"]), "可以先行先试");
    assert_eq!(
        cut("坚持以人为本的理念", &["服务为先"]),
        "坚持以人为本的理念"
    );
}

#[test]
fn a_whole_named_again_after_the_list_is_cut() {
    let v = |s: &[&str]| s.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    // b43: the list modifies the whole it names again (…的综合养老模式).
    assert_eq!(
        cut_relation_tail(v(&["1个中心", "5个驿站", "衍生出N项服务的综合养老模式"])),
        ["1个中心", "5个驿站", "衍生出N项服务"]
    );
    // Each item names a whole of its own, or the head is no whole: unchanged.
    let own = v(&["党建引领机制", "多方参与的协调机制"]);
    assert_eq!(cut_relation_tail(own.clone()), own);
    let own = v(&["群众的意见", "干部的作风"]);
    assert_eq!(cut_relation_tail(own.clone()), own);
    let noun = v(&["自治", "法治和德治的要求"]);
    assert_eq!(cut_relation_tail(noun.clone()), noun);
}

#[test]
fn a_short_modifier_of_the_formulation_after_the_last_de_is_cut() {
    let v = |s: &[&str]| s.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    // b48: …、营造一个好氛围的党建强“六好”: 党建强 qualifies 六好.
    let six = v(&["选出一名好书记", "配齐一套好班子", "营造一个好氛围的党建强"]);
    assert_eq!(
        cut_name_modifier(six.clone(), 3),
        ["选出一名好书记", "配齐一套好班子", "营造一个好氛围"]
    );
    // Not when the list is shorter than the numeral, nor when the tail ends as the other
    // items do (群众的幸福感 is the item), nor after 党 (党的建设), nor when the head is
    // shorter than every other item.
    assert_eq!(cut_name_modifier(six.clone(), 4), six);
    let feel = v(&["获得感", "安全感", "群众的幸福感"]);
    assert_eq!(cut_name_modifier(feel.clone(), 3), feel);
    let party = v(&["思想建设", "组织建设", "党的建设"]);
    assert_eq!(cut_name_modifier(party.clone(), 3), party);
    let short = v(&["思想建设工作", "组织建设工作", "人的全面发展"]);
    assert_eq!(cut_name_modifier(short.clone(), 3), short);
}

#[test]
fn a_lead_verb_before_parallel_verb_phrases_is_cut() {
    // b47: the others are verb phrases led by verbs of their own, most of six characters,
    // as many as 找准 leaves.
    let others = [
        "维护公平竞争",
        "防范市场风险",
        "强化消费维权",
        "实施综合执法",
        "推动高质量发展",
    ]
    .map(String::from);
    let mut first = "找准优化营商环境".to_string();
    strip_lead_against(&mut first, &others);
    assert_eq!(first, "优化营商环境");
    // Others led by verbs, fewer than three of that length: the verb may be the item's.
    let others = ["维护公平竞争", "防范风险", "实施执法"].map(String::from);
    let mut first = "找准优化营商环境".to_string();
    strip_lead_against(&mut first, &others);
    assert_eq!(first, "找准优化营商环境");
    // Balanced leads of ensuring and opening up, after an adverb too (b47).
    let others = ["药品", "特种设备", "产品质量"].map(String::from);
    let mut first = "全力确保食品".to_string();
    strip_lead_against(&mut first, &others);
    assert_eq!(first, "食品");
    let others = ["流通", "消费"].map(String::from);
    let mut first = "打通生产".to_string();
    strip_lead_against(&mut first, &others);
    assert_eq!(first, "生产");
}

#[test]
fn the_frame_zai_shang_is_cut_off_a_list() {
    let v = |s: &[&str]| s.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    // b51: 在 in the first item, 上 and a verb ending the last.
    let mut items = v(&[
        "力争使服务平台在形象外观",
        "环境设施",
        "服务行为",
        "工作岗位上达到",
    ]);
    cut_zai_shang(&mut items);
    assert_eq!(items, ["形象外观", "环境设施", "服务行为", "工作岗位"]);
    let mut items = v(&["在组织", "队伍", "制度方面"]);
    cut_zai_shang(&mut items);
    assert_eq!(items, ["组织", "队伍", "制度"]);
    // The 在 of 在职 is a word's: the frame's 在 is the one before it.
    let mut items = v(&["在在职党员", "退休党员", "流动党员方面"]);
    cut_zai_shang(&mut items);
    assert_eq!(items, ["在职党员", "退休党员", "流动党员"]);
    // Two items; a 在 in a middle item; one character left; no 上 near the end.
    for list in [
        &["在形象外观", "工作岗位上达到"][..],
        &["在形象外观", "在环境设施", "工作岗位上达到"],
        &["在形象外观", "环境设施", "线上"],
        &["在形象外观", "环境设施", "工作岗位上下功夫提升"],
        &["组织在职党员", "退休党员", "流动党员方面"],
    ] {
        let mut items = v(list);
        cut_zai_shang(&mut items);
        assert_eq!(items, v(list));
    }
}
