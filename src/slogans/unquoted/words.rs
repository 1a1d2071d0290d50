//! The vocabularies of the unquoted rules ([`super`]): verbs of joint action, tail and head
//! words, function words, count heads, idioms and units. Each list says what it is for; none
//! names a formulation.

/// Verbs of joint action that make numeral + one character a formula: 三治融合 ("the three
/// governances fuse"), 四体共创, 四学联动, 三点发力, 三员结对; and 公开 of the openness
/// rules (村务、党务、财务三务公开).
pub(in crate::slogans) const ACTIONS: &[&str] = &[
    "融合", "联动", "共创", "联建", "发力", "一体", "并举", "共治", "联创", "共建", "结对", "协同",
    "互促", "同步", "合一", "齐抓", "联席", "贯通", "公开", "协作", "驱动",
];

/// Words that end a formula when they follow it (the formula is named without them).
pub(super) const TAILS: &[&str] = &[
    "精神",
    "要求",
    "建设",
    "工作",
    "发展",
    "机制",
    "模式",
    "格局",
    "行动",
    "作用",
    "任务",
    "进军",
    "体制",
    "水平",
    "战略",
    "方针",
    "目标任务",
    // A dummy verb opening the clause's predicate: 从三个维度|进行观察.
    "进行",
    // Generic nouns of what a list is (…四大板块|内容) or does (…四大行动|号召).
    "内容",
    "号召",
];

/// The [`TAILS`] that are head nouns: a numbered list's noun may end in one (两大核心任务,
/// 六大文明引导行动, 四项改革机制).
pub(super) const NOUN_TAILS: &[&str] = &[
    "任务", "行动", "机制", "模式", "战略", "格局", "体制", "方针",
];

/// Generic nouns that a formula of joint action modifies (三区融合|思路, 做好三区融合|文章):
/// two characters after it that close the phrase are part of the name (五级联动体系, 三员
/// 结对包企) unless they are one of these or of the [`TAILS`].
pub(super) const GENERIC_HEADS: &[&str] = &[
    "思路", "文章", "理念", "路径", "方式", "举措", "经验", "做法", "成效", "品牌", "新路", "实践",
    "探索", "改革", "试点", "项目", "成果", "效应", "局面", "态势", "制度", "网络", "架构", "平台",
];

/// Verbs that end the noun of an unquoted numbered list, like the joint-action verbs of
/// [`ACTIONS`]: 五大片区|共兴发展 and 六大优势产业|提升 were taken whole on the 四川 held-out
/// report. The noun stops before them; as the phrase does not close there, the candidate is
/// then dropped (precision first).
pub(super) const VERBS: &[&str] = &[
    "共兴", "提升", "升级", "推进", "实施", "加快", "深入", "出台",
];

/// Particles and conjunctions that never end a word of an unquoted formula, and suffixes
/// that make a longer word of what stands before them (长三角一体化, 三强度).
pub(super) const PARTICLES: &str = "的了着和与及等在是为或并而也都就化性度率";

/// Characters that never belong inside an unquoted formula (function words).
pub(super) const FUNCTION: &[char] = &[
    '的', '和', '与', '及', '等', '在', '是', '为', '了', '中', '把', '将', '对', '以', '向', '从',
    '要', '到', '着', '并', '或', '上', '下', '而', '于', '来', '去', '个', '有', '被', '让', '使',
    '由', '之', '其', '也', '都', '就', '再', '已', '不', '该', '这', '那', '此', '每',
];

/// Nouns after numeral + classifier that make a plain count, not a formulation (三个村).
pub(super) const COUNT_HEADS: &[&str] = &[
    "村",
    "乡",
    "镇",
    "县",
    "市",
    "区",
    "省",
    "人",
    "户",
    "家",
    "月",
    "年",
    "天",
    "日",
    "小时",
    "方面",
    "层面",
    "层次",
    "环节",
    "阶段",
    "部门",
    "单位",
    "社区",
    "片区",
    "项目",
    "批",
    "类",
    "量",
    "多",
    "型",
    "幅",
    "部分",
    "措施",
    "政策",
    "百分点",
    "工作日",
    "问题",
    "领域",
    "行业",
    "企业",
    "学校",
    "点",
    "支部",
    "组",
    "队",
    "产业",
    "国家",
    "城市",
    "地区",
    "群众",
    "党员",
    "亿",
    "万",
    "倍",
    "早",
    "半",
];

/// The [`COUNT_HEADS`] that name a formulation after a list of as many items
/// ([`listed_before`](crate::slogans::listed::listed_before)): its teams, groups, measures, stages, fields and industries
/// (三支队伍), not its places, people, times or amounts (东村、西村、南村三个村).
pub(super) const LISTED_HEADS: &[&str] = &["队", "组", "措施", "环节", "领域", "产业"];

/// The [`COUNT_HEADS`] that stay counts even after a quoted list: aspects of a matter
/// (围绕“自身优势是什么、…、创建措施是什么”五个方面).
pub(super) const ASPECT_HEADS: &[&str] = &["方面", "层面", "层次"];

/// Idioms and ordinary words of the numeral-alternation pattern (一心一意).
pub(super) const IDIOMS: &[&str] = &[
    "一心一意",
    "一模一样",
    "一点一滴",
    "一草一木",
    "一言一行",
    "一朝一夕",
    "一生一世",
    "一针一线",
    "一举一动",
    "一分一秒",
    "一五一十",
    "三心二意",
    "七上八下",
    "四面八方",
    "一干二净",
    "一清二楚",
    "五颜六色",
    "七嘴八舌",
    "十全十美",
    "一丝一毫",
    "一砖一瓦",
    "一来二去",
    "三番五次",
    "千方百计",
    "一字一句",
    "一笔一划",
    "一笔一画",
    "一张一弛",
    "一时一事",
    "一举多得",
    "一题多解",
    "一字多义",
    "一词多义",
    "一步一景",
];

/// Units of a count that never close a one-character alternation: 一行七人 ("a party of
/// seven"), 一栋两层 ("one building of two storeys") are amounts, not formulations
/// (一户一策, 一村一品 end in what each unit gets).
pub(super) const COUNT_UNITS: &[char] = &['人', '名', '层', '栋', '辆', '岁', '元', '斤', '亩'];

/// Time units: 一年一度, 一月一调度 are schedules, not formulations.
pub(super) const TIME_UNITS: &[char] = &[
    '年', '月', '日', '天', '周', '季', '次', '时', '分', '秒', '刻', '期', '轮', '届',
];

/// Words of two characters, one of them a function word ([`FUNCTION`]), that stand inside
/// a noun all the same: 三级矛调中心, 中央+地方, 两个导向, 三个到位, 四下沉 ….
pub(super) const WORDS_WITH_FUNCTION: [&str; 10] = [
    "中心", "中央", "导向", "到位", "方向", "面向", "下沉", "对接", "对标", "为民",
];

/// Characters that make a tail word the head of a noun (专项工作组, 建设局): 工作 is no
/// tail of 八个专项工作组.
pub(super) const NOUN_SUFFIXES: &str = "组队室站局处";

/// The campaigns that a number of years names (三年行动, 三年攻坚): longest first.
pub(super) const CAMPAIGNS: &[&str] = &["攻坚行动", "行动计划", "行动方案", "行动", "攻坚"];

/// Words before a numeral and 年 that make the years a period (近三年, 前三年, 每三年,
/// 这三年, 用三年, 经过三年), not a campaign's name.
pub(super) const YEARS_BEFORE: &str = "近前后每这那用过再满逾余多第";

/// The [`COUNT_HEADS`] that name a formulation after 大 ("major"): 八大产业, 四大领域, 五大
/// 行业, 十大项目, 三大措施, 六大问题 (places, people, times and amounts still count).
pub(super) const MAJOR_NAMES: &[&str] = &[
    "产业", "领域", "行业", "项目", "措施", "问题", "政策", "环节", "阶段", "片区", "类", "方面",
];

/// Endings of a noun that make its 区 a zone, not a district (九大农业园区, 三大示范区).
pub(super) const ZONES: &[&str] = &["园区", "示范区", "功能区", "开发区", "片区"];

/// Head nouns of a system whose levels are counted (四级林长体系, 三级服务网络, 五级组织
/// 架构).
pub(super) const SYSTEMS: &[&str] = &["体系", "网络", "架构", "体制"];
