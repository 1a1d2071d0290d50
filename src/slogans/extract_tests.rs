//! Tests of [`super::extract`] and its helpers: marks, triggers, offsets.

use super::*;

fn names(t: &str) -> Vec<String> {
    extract(t).into_iter().map(|m| m.normalized).collect()
}

#[test]
fn marks_are_three_bytes() {
    for c in ['“', '”', '‘', '’', '「', '」', '『', '』', '、'] {
        assert_eq!(c.len_utf8(), MARK, "{c}");
    }
}

#[test]
fn quoted_and_unquoted() {
    assert_eq!(names("推行“1+5+N”矛盾纠纷调解模式"), ["1+5+N"]);
    assert_eq!(names("小区“136”工作体系"), ["136"]);
    assert_eq!(names("实施“365工作法”"), ["365"]);
    assert_eq!(names("做实自治法治德治“三治融合”。"), ["三治融合"]);
    assert_eq!(names("建立党建活动、奖惩等四大体系,纳入"), ["四大体系"]);
    assert_eq!(names("严格落实中央八项规定精神"), ["中央八项规定"]);
    assert_eq!(names("向第二个百年奋斗目标进军"), ["第二个百年奋斗目标"]);
    assert_eq!(names("坚持“打虎”、“拍蝇”、“猎狐”"), ["打虎、拍蝇、猎狐"]);
    // A closing mark mistyped as an opening one (the second opens nothing); an opening
    // mark left unclosed before a real quotation is not repaired.
    assert_eq!(
        names("自“五星“支部创建以来,营造“五星”氛围"),
        ["五星", "五星"]
    );
    assert_eq!(names("深化“红色物业“融合"), ["红色物业"]);
    assert_eq!(names("推进“社区治理“三治融合”建设"), ["三治融合"]);
    // Numbered units are formulations of their own, not parts of one slogan.
    assert_eq!(names("以“四星”、“三星”村为重点"), ["四星", "三星"]);
    assert_eq!(names("推动一二三产融合发展"), ["一二三产融合"]);
    assert_eq!(
        names("坚持四项基本原则,办好三件大事。"),
        ["四项基本原则", "三件大事"]
    );
    assert_eq!(names("创造了两大奇迹。"), ["两大奇迹"]);
    assert_eq!(names("“党建+”“网格+”等"), ["党建+", "网格+"]);
    // A verb after the noun is never taken into the list (四川 held-out report:
    // 五大片区共兴, 六大优势产业提升 were found whole); as the phrase does not close
    // there, no list is found at all (precision first).
    assert!(names("完善四大体系提升,").is_empty());
    assert!(names("五大片区共兴发展,六大优势产业提升。").is_empty());
    assert_eq!(names("完善四大体系,"), ["四大体系"]);
    // A formula named after the quoted list it stands for (each item holds its 联).
    assert_eq!(
        names("形成“资源联享、服务联动与活动联办”的三联增效措施"),
        ["资源联享、服务联动与活动联办", "三联增效"]
    );
    // Steps (步) count like items: a method of five steps, named after its list.
    assert_eq!(
        names("采取“沟通、摸排、组建”五步工作法,"),
        ["沟通、摸排、组建", "五步工作法"]
    );
    // 部 counts laws and books (b24), but not in the words it starts (三部门, 两部委).
    assert_eq!(names("二是出台两部条例。"), ["两部条例"]);
    assert!(names("联合三部门印发通知。两部委发文。").is_empty());
}

#[test]
fn plus_terms_generic_tails_and_idioms() {
    // b27: a verb of joint action that closes the phrase ends the term with it (学用贯通),
    // and a function word inside a word may stand before the `+` (导向); b25, b26: 内容 and
    // 号召 are no part of a list's name; 一步一景 is an idiom.
    assert_eq!(
        names("坚持全面覆盖+学用贯通、问题导向+深入一线,解难题"),
        ["全面覆盖+学用贯通", "问题导向+深入一线"]
    );
    assert_eq!(names("林长+三长协作机制"), ["林长+三长"]);
    assert_eq!(names("以四大板块内容,展现了"), ["四大板块"]);
    assert!(names("沿着胡同一步一景,欣赏").is_empty());
    // b26: 轮 is a wheel before 驱动, no round of time.
    assert_eq!(names("以服务和治理为双轮驱动。"), ["双轮驱动"]);
}

#[test]
fn long_quoted_lists_leave_their_formulations_found() {
    // The list is a slogan, not a token of the term counts, and the unquoted rules still
    // look inside it.
    let t = "坚持“分组共建聚合力、点面结合解难题、三治融合促深化”的思路";
    let ms = extract(t);
    let found: Vec<&str> = ms.iter().map(|m| m.normalized.as_str()).collect();
    assert_eq!(
        found,
        ["分组共建聚合力、点面结合解难题、三治融合促深化", "三治融合"]
    );
    assert!(!ms[0].is_token() && ms[1].is_token());
    // A list that defines the quoted name after it is that name's expansion, no slogan of
    // its own (seed 002: 双找双带); before a plain noun it still is one.
    assert_eq!(
        names("以“有困难找支部、要办事找干部,党员带头致富、带领致富”为主要内容的“双找双带”活动"),
        ["双找双带"]
    );
    assert_eq!(
        names("“分组共建聚合力、点面结合解难题、典型回响促深化”的“三步法”"),
        ["三步法"]
    );
    // Before a numbered name without quotes too, but 一 opens words (一流).
    assert_eq!(
        names("“分组共建聚合力、点面结合解难题、典型回响促深化”的三步工作法"),
        Vec::<String>::new()
    );
    assert_eq!(
        names("打造“整合彻底、事项齐全、授权充分、系统智能、环境优美”的一流中心"),
        ["整合彻底、事项齐全、授权充分、系统智能、环境优美"]
    );
    assert_eq!(
        names("“分组共建聚合力、点面结合解难题、典型回响促深化”的工作思路"),
        ["分组共建聚合力、点面结合解难题、典型回响促深化"]
    );
}

#[test]
fn counts_of_major_things_systems_and_latin_terms() {
    // b30: after 大 an industry or a park is named, not counted; the levels of a system need
    // no list; 5G is a term of a + formula (not a grade, 3A+); magnitudes make a number and
    // 届 a term of office, no alternation.
    assert_eq!(names("助力八大产业和五小产业发展。"), ["八大产业"]);
    assert_eq!(names("行动九大农业园区之一"), ["九大农业园区"]);
    assert_eq!(names("建立四级林长体系,层层压实责任。"), ["四级林长体系"]);
    assert_eq!(names("通过互联网、5G+智慧农业等技术"), ["5G+智慧农业"]);
    assert_eq!(names("大力推进互联网+智慧农业建设"), ["互联网+智慧农业"]);
    assert!(names("评为3A+标准。中国5G+工业互联网大会。七千三百亩。新一届两委干部").is_empty());
}

#[test]
fn campaigns_of_years() {
    // b24: 三年行动 stands unquoted after what it improves; a word of manner may come
    // between (b18: 三年集中攻坚); a period of years is none (近三年, 三年来).
    assert_eq!(names("启动殡葬综合改革三年行动,积极探索。"), ["三年行动"]);
    assert_eq!(names("开展三年集中攻坚,实现目标。"), ["三年集中攻坚"]);
    assert_eq!(names("实施三年行动计划。"), ["三年行动计划"]);
    assert!(names("近三年行动迟缓。三年来取得成效。每三年攻坚一次。").is_empty());
}

#[test]
fn not_formulations() {
    assert!(names("2020年,10个村,87%,三个村,5个主体参与,一线,第一时间,千家万户").is_empty());
    assert!(names("他说：“我们一定把事情办好”").is_empty());
    assert!(names("进一步深化,第三步推进,三步并作两步。").is_empty());
    assert!(names("将9个社区划分为三个片区联盟,").is_empty());
    // Amounts with a count unit: a party of seven, a building of two storeys.
    assert!(names("记者一行七人抵达,一栋两层的小楼").is_empty());
    assert_eq!(names("推行一户一策、一村一品"), ["一户一策", "一村一品"]);
    // One character, then two (桑植, u70 batch); 一年 is a schedule.
    assert_eq!(
        names("实行“一年一规划、一乡一台账、一人一档册、一人一结对”,"),
        ["一乡一台账", "一人一档册", "一人一结对"]
    );
    assert_eq!(names("落实三会一课制度。"), ["三会一课"]);
}

#[test]
fn a_generic_noun_after_a_formula_of_joint_action_is_not_its_name() {
    // The same 三区融合 three times: the thinking, the essay and the model of it.
    assert_eq!(
        names("按照景区、街区、社区三区融合思路,做好三区融合文章,探索三区融合发展模式。"),
        ["三区融合", "三区融合", "三区融合"]
    );
    // Two characters that close the phrase and are not generic stay in the name.
    assert_eq!(names("加强五级联动体系建设"), ["五级联动体系"]);
    assert_eq!(names("企业专员三员结对包企,"), ["三员结对包企"]);
    // 公开 of the openness rules joins too; 制度 is generic.
    assert_eq!(
        names("除了村务、党务、财务三务公开,还落实三务公开制度。"),
        ["三务公开", "三务公开"]
    );
}

#[test]
fn a_weekday_is_no_numeral_compound() {
    assert!(names("开设周五大学堂,每逢星期三大讲堂开讲。").is_empty());
    assert_eq!(names("建设五大学堂。"), ["五大学堂"]);
}

#[test]
fn a_list_of_as_many_items_makes_a_count_a_formulation() {
    // 新乡 and 焦作 (xpaper.net, jzdj.cn): a noun of one character, or one that mostly
    // counts, names the list right before it.
    assert_eq!(
        names("带好村“三委”、党员和村民代表、志愿服务三支队伍;"),
        ["三委", "三支队伍"]
    );
    assert_eq!(
        names("创新绘就“规划、施工、实景”三张图,"),
        ["规划、施工、实景", "三张图"]
    );
    // Without the list, or with a list of another length: counts.
    assert!(names("组建三支队伍,绘就三张图,").is_empty());
    assert!(names("带好党员、志愿服务三支队伍;").is_empty());
    // Places stay counts after any unquoted list; after a quoted one only aspects do
    // (边境党建, u100 batch; 五个方面 of b3).
    assert!(names("东村、西村、南村三个村,").is_empty());
    assert_eq!(
        names("围绕“兴边富民、乡村旅游、民族团结进步”三个示范县发展定位,"),
        ["兴边富民、乡村旅游、民族团结进步", "三个示范县"]
    );
    assert_eq!(
        names("围绕“优势是什么、短板是什么”两个方面,"),
        ["优势是什么、短板是什么"]
    );
}

#[test]
fn levels_after_a_list_or_chain_of_as_many_are_a_formulation() {
    // 南门 (u40 batch) and a mediation plan (aipiwu.com): the quoted chain of levels, its
    // brackets and the 的 that joins it; an unquoted list of levels.
    assert_eq!(
        names("织密“社区—小区—网格—微网格—楼栋”五级组织体系,"),
        ["社区—小区—网格—微网格—楼栋", "五级组织体系"]
    );
    assert_eq!(
        names("构建“区—街道—社区—小组(片区)”的四级调解网络。"),
        ["区—街道—社区—小组(片区)", "四级调解网络"]
    );
    assert_eq!(names("健全县、乡、村三级服务网络。"), ["三级服务网络"]);
    // No list, a list of another length, a formula of joint action, a grade.
    assert!(names("宿连三级航道全线通航。建立县、乡、村两级服务网络。").is_empty());
    assert_eq!(names("市、县、乡三级联动。"), ["三级联动"]);
    // A verb after the levels (u80 batch, 营商环境): a description.
    assert!(names("纵向实现省、市、县三级接入,").is_empty());
}

#[test]
fn a_quotation_inside_speech_or_another_quotation() {
    // u90 batch (a village first secretary's report): speech is no slogan, the slogan
    // it quotes is; inside an accepted quotation the inner one is part of it.
    assert_eq!(
        names("书记强调:“要落实‘四下基层’制度,做到心中有数。”"),
        ["四下基层"]
    );
    // The name drops the inner marks (the gold's normalised forms have no quotes).
    assert_eq!(names("开展“‘三亮’行动”"), ["三亮行动"]);
    // 道 of a word is no speech (b13: 健身步道“六个一”; seeds: 为街道“提神振气”).
    assert!(names("他笑道“红色物业”").is_empty());
    assert_eq!(names("健身步道“六个一”工程"), ["六个一"]);
    // A formula as one item of a quoted list or chain is found as well (b9, b10).
    assert_eq!(
        names("贯彻“践行‘三个表率’、建设模范机关”的讲话精神"),
        ["践行三个表率、建设模范机关", "三个表率"]
    );
    assert_eq!(
        names("明确“星级支部—示范支部—‘五星四强’特色支部”分类"),
        ["星级支部—示范支部—五星四强特色支部", "五星四强"]
    );
}

#[test]
fn one_against_many_arithmetic_headlines_and_head_nouns() {
    // b14: 一 a 多 b is an alternation (not an idiom); 1+1>2 is arithmetic; a short
    // quotation after a headline's colon that the sentence goes on past is no speech.
    assert_eq!(names("打造一核多点党建阵地,"), ["一核多点"]);
    assert!(names("这是一举多得的好事").is_empty());
    assert!(names("一笔一画间勾勒出").is_empty());
    // b16: levels after a list that a year opens, before a bracket; 中心 is a noun.
    assert_eq!(
        names("2020年实现县、乡镇、村社三级矛调中心(站)全覆盖"),
        ["三级矛调中心"]
    );
    assert!(names("实现“1+1>2”的聚合效应").is_empty());
    assert_eq!(names("云阳:“村播”拓宽共富路"), ["村播"]);
    // b13, b15: a tail word that is the list's head noun closes its name.
    assert_eq!(
        names("围绕“产业发展、乡村振兴”两大核心任务进行制度联盟"),
        ["产业发展、乡村振兴", "两大核心任务"]
    );
    assert_eq!(names("开展六大文明引导行动;"), ["六大文明引导行动"]);
    // b15: a count after a quoted + formula of as many terms; a quoted compound is
    // named without its tail word.
    assert_eq!(
        names("创新“组织联建+资源联用+发展联动”三联机制。"),
        ["组织联建+资源联用+发展联动", "三联"]
    );
    assert_eq!(names("推行“三联机制”,"), ["三联"]);
}

#[test]
fn ordinals_centres_levels_run_together_and_partial_lists() {
    // b18, b19: 中央 in a + term; 出台 is a verb after a numbered list; 第一个 is an
    // ordinal but for the first centenary goal.
    assert_eq!(names("近3000亿元(中央+地方)。"), ["中央+地方"]);
    assert!(names("促农村党风廉政建设三项制度出台").is_empty());
    assert_eq!(
        names("西藏第一个农村基层党支部成立,实现第一个百年奋斗目标。"),
        ["第一个百年奋斗目标"]
    );
    // b20: a suffix after a compound makes a longer word; an ordinal; N+1.
    assert!(names("扎实推进长三角一体化发展").is_empty());
    // Beijing's report: 强度 ("intensity") is a word, so no 一备三强 (of 开一备三).
    assert!(names("保持开一备三强度。").is_empty());
    // b13: rounds up and down of a procedure, though 上 and 下 are function words; not
    // 一上一下, a motion.
    assert_eq!(
        names("村规民约采取四上四下的办法,预算实行两上两下。他一上一下。"),
        ["四上四下", "两上两下"]
    );
    // b33: a quotation inside a quoted list is an item of its own, and the list's name
    // drops its marks.
    assert_eq!(
        names("实现“办事不出村、群众‘零跑腿’”。"),
        ["办事不出村、群众零跑腿", "零跑腿"]
    );
    // Without a list, it is part of the name.
    assert_eq!(names("开展“‘三亮’活动”。"), ["三亮活动"]);
    // b11: a space ends a phrase of a title.
    assert_eq!(
        names("坚持两个导向 聚焦四个强化 着力推进"),
        ["两个导向", "四个强化"]
    );
    assert!(names("打造的第三个货车司机群体党建样板点").is_empty());
    assert_eq!(names("构筑“N+1”党建工作体系"), ["N+1"]);
    // b11, b21: a function word inside a word of the noun (导向, 到位).
    assert_eq!(
        names("坚持两个导向,聚焦四个强化,做到三个到位,"),
        ["两个导向", "四个强化", "三个到位"]
    );
    // b21: a bracket after a numbered list's noun holds its parts.
    assert_eq!(
        names("制定两个制度(华侨捐赠管理办法、侨务信访管理办法);"),
        ["两个制度"]
    );
    // Levels run together without 、; a partial list closed by 等.
    assert_eq!(names("建成县乡村三级养老服务网络,"), ["三级养老服务网络"]);
    assert_eq!(names("拓展到产业协作、人才共育等六大领域。"), ["六大领域"]);
}

#[test]
fn counts_short_names_and_letters() {
    // b10 batch: a count with more to come; a term with a Latin letter; a short name.
    assert_eq!(names("创新“3+”司法服务模式"), ["3+"]);
    assert_eq!(names("一、法庭+e站,打通"), ["法庭+e站"]);
    assert!(names("庆阳市人民检察院(以下简称“庆阳市院”)提出").is_empty());
    assert_eq!(names("浙江省(以下简称“千万工程”)"), ["千万工程"]);
    // A quoted noun counted by a numeral and a classifier, when it closes the name.
    assert_eq!(
        names("实施“红色血脉”等五大“红色工程”,推动"),
        ["红色血脉", "五大红色工程", "红色工程"]
    );
    assert_eq!(names("打造三张“零关税”清单"), ["零关税"]);
    assert_eq!(names("立足一个“核心”,"), ["核心"]);
}

#[test]
fn a_verb_before_a_plus_formula_and_a_noun_after_a_tail_word() {
    // u70 batch (襄垣, 成都): the verb is no part of the left term; 工作组 is a noun
    // whose 工作 ends nothing (and 组 makes the phrase a count).
    assert_eq!(names("持续深化党建+微愿望为民服务,"), ["党建+微愿望"]);
    assert_eq!(names("打造机关党建+品牌,"), ["机关党建+品牌"]);
    // A numeral in the right term; a verb of joint action ends it (林长制, u100 batch).
    assert_eq!(names("建立林长+三长协作机制,"), ["林长+三长"]);
    // An amount after the + is a sum of counts (u110 batch).
    assert!(names("开辟10个实训基地+100部红色影片,").is_empty());
    assert!(names("下设八个专项工作组,").is_empty());
    assert_eq!(names("完成三大任务工作。"), ["三大任务"]);
}

#[test]
fn a_dummy_verb_after_an_unquoted_list_is_not_its_name() {
    assert_eq!(names("可以从三个维度进行观察。"), ["三个维度"]);
}

#[test]
fn never_panics_on_odd_input() {
    for t in [
        "“",
        "”“",
        "+",
        "1+",
        "第三",
        "三",
        "“三”",
        "a+b",
        "一二三",
        "\u{0}三个",
    ] {
        for m in extract(t) {
            assert!(t.is_char_boundary(m.start) && t.is_char_boundary(m.end));
        }
    }
}

/// Property tests of [`super::extract`].
mod prop {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        // Random mixtures of every trigger: never a panic, offsets on char boundaries,
        // surface = text[start..end], order by start.
        #[test]
        fn offsets_valid(t in "[一二三两双十个大项第中央“”‘’「」、+0-9NX红色物业融合联动体系目标，,。:：\n ]{0,60}") {
            let ms = extract(&t);
            for w in ms.windows(2) {
                prop_assert!(w[0].start <= w[1].start);
            }
            for m in ms {
                prop_assert!(t.is_char_boundary(m.start) && t.is_char_boundary(m.end));
                prop_assert_eq!(&t[m.start..m.end], m.surface.as_str());
            }
        }
    }
}
