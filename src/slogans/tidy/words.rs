//! The words that the tidying of list items ([`super`]) looks for: the verbs, adverbs and
//! prepositions that open a list's clause, and the words that look like them but are none.

/// Verbs that open a clause listing components, chosen by hand from the genre (every one
/// takes the listed things as its object), and the prepositions 将 and 把 that put the
/// object first (将党的建设与具体业务“两张皮”拧成“一股绳”), and prepositions like them (通过,
/// 按照). Not 组织, 强化, 加强, 完善: they
/// also start components (组织生活集中学; 强化督导、强化落实), so 强化, 加强, 完善 and the
/// like are cut only where that balances the list ([`BALANCED_LEADS`]).
pub(super) const LEAD_VERBS: [&str; 58] = [
    "开展",
    "启动",
    "发动",
    "推行",
    "实行",
    "实施",
    "深化",
    "推进",
    "推动",
    "建立",
    "组建",
    "打造",
    "构建",
    "形成",
    "围绕",
    "聚焦",
    "紧扣",
    "赋予",
    "整合",
    "依托",
    "包括",
    "是指",
    "涵盖",
    "下设",
    "设立",
    "成立",
    "发挥",
    "配强",
    "配齐",
    "配备",
    "落实",
    "做到",
    "采取",
    "随着",
    "纳入",
    "实现",
    "抓好",
    "用好",
    "履行好",
    "履行",
    "确立",
    "找准",
    // Drawing up (制定文物保护、利用和管理事项三张责任清单; 制定选出一名好书记、…“六好”标准).
    "制定",
    // Targeting, using and facing (同心县紧盯党员干部、未婚女青年、婚介群体三个重点群体;
    // 采用电脑、电视、手机“三屏互动”; 面临群众维权成本高、…三大问题).
    "紧盯",
    "瞄准",
    "采用",
    "面临",
    // Prepositions of means and measure, which take the list as their object as well
    // (通过党组织、村委会、合作社“三套马车”; 按照景区、街区、社区三区融合思路).
    "通过",
    "按照",
    "根据",
    "依据",
    "依照",
    "对照",
    "参照",
    "遵循",
    "除了",
    "将",
    "把",
];

/// Verbs that open a list's clause in the genre but also start components of their own
/// (建设, 提升, 坚持, 强化 …): cut off the first item only when that balances the list, i.e.
/// when the item starts with one, no other item is a phrase led by one (an item that is
/// the word alone is a noun: 强化改革、开放、创新), and what is left is as long as the other
/// items are (at least the shortest, at most the longest): 提升通算、智算、超算、量算 → 通算;
/// 建设医疗、医保、医药 → 医疗; 创建服务、需求“双向清单” → 服务; 完善省、市、开发区 → 省. A
/// list of verb phrases alike (强化督导、强化落实) or of items longer than the rest
/// (加快引育新主体 beside 着力拓展新市场) keeps its verbs.
pub(super) const BALANCED_LEADS: [&str; 49] = [
    // Verbs growing in pairs, first: the first match is cut, and 做优 opens 做优做强
    // (持续做大做强牦牛、藏羊…“五大优势产业”; 健全完善社区党组织、居民委员会、…).
    "健全完善",
    "完善健全",
    "做大做强",
    "做优做强",
    "做强做优",
    "做精做优",
    "做实做细",
    "建设",
    "提升",
    "坚持",
    "加快",
    "办好",
    "创建",
    "搭建",
    "健全",
    "强化",
    "加强",
    "完善",
    "优化",
    "推广",
    "培育",
    "发展",
    "做强",
    "做优",
    "壮大",
    "扩大",
    "提高",
    "增强",
    "创新",
    "加大",
    "巩固",
    "激活",
    "明确",
    "筑牢",
    "促进",
    "统筹",
    // Verbs of risk (着力防控生产安全、公共领域安全…“六大风险”) and of emphasis (突出规划
    // 建设、政治功能…“四个规范”).
    "防控",
    "防范",
    "突出",
    // Verbs of holding and using (牢牢守住粮食安全和…两条底线; 利用村民小组会、村三委会…).
    "守住",
    "守好",
    "利用",
    // The verbs of an essay's summary (分析…两大路径, 总结…三条经验).
    "分析",
    "总结",
    "梳理",
    "探索",
    // Building (建成蔬菜、西瓜、林果“三个万亩”).
    "建成",
    // Ensuring and opening up (全力确保食品、药品、…“四大安全”; 打通生产、流通、消费三个领域).
    "确保",
    "打通",
];

/// A lead verb must start among the first this many characters of an item (a subject or
/// an adverb before the verb: 茅箭区深化…, 全面启动…).
pub(super) const LEAD_WITHIN: usize = 6;

/// The modal verb ("must") that may stand before one of the [`LEAD_ADVERBS`].
pub(super) const MODAL: &str = "要";

/// Adverbs that may stand before one of the [`BALANCED_LEADS`] that opens a list (着力防控,
/// 全面加强, 持续深化; 著力 of Traditional text, which conversion keeps).
pub(super) const LEAD_ADVERBS: [&str; 12] = [
    "着力",
    "著力",
    "牢牢",
    "全力",
    "大力",
    "全面",
    "持续",
    "积极",
    "切实",
    "深入",
    "不断",
    "进一步",
];

/// Prepositions of one character that open a clause before its list (对无依据、无实效、多头
/// 重复事项“三个不纳入”; 为社区工作者和居民“双减负”; 以有色金属、家居智造…三大主导产业; 从
/// 组建队伍、搭建载体…).
pub(super) const PREPOSITIONS: [char; 4] = ['对', '为', '以', '从'];

/// Words that open with one of the [`PREPOSITIONS`] (对接, 对象, 为民 …): there it is none.
pub(super) const NOT_PREPOSITIONS: [&str; 44] = [
    "对接", "对标", "对象", "对口", "对外", "对应", "对照", "对话", "对策", "对比", "对方", "对手",
    "对立", "对称", "对抗", "对岸", "对联", "为民", "为了", "为主", "为此", "为止", "为人", "为期",
    "为首", "为难", "为何", "为重", "以上", "以下", "以来", "以及", "以后", "以前", "以外", "以内",
    "以往", "以便", "以免", "从事", "从而", "从严", "从业", "从中",
];

/// Characters before 以 that make a word of it (可以, 所以, 予以, 加以 …), and after it
/// (以及, 以上, 以来 …): there it is no preposition.
pub(super) const YI_BEFORE: &str = "可所予加难得足用借赖是";

pub(super) const YI_AFTER: &str = "及上下来后前便免外内往至致";

/// Words of a character and 好 that are no verb with the result complement 好 ("well"):
/// 美好生活, 友好城市, 良好风气 ….
pub(super) const NOT_RESULTATIVE: &str = "美友良爱只正最还安和喜完要较更很";

/// Words that start with the one-character leads 将 and 把 (将军馆, 把关机制): there they
/// are no preposition.
pub(super) const NOT_LEADS: [&str; 8] = [
    "将军", "将来", "将近", "将士", "把关", "把握", "把手", "把脉",
];
