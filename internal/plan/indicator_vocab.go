package plan

import "slices"

// The word classes the grammar reads targets with (indicator_sentence.go):
// the verbs that govern a target's quantity, and the cues that make a
// sentence a goal, a statement of the past or a policy's parameter.
var (
	// verbs that govern a quantity of a target (培养100名…, 建成…8家,
	// 达到50%): the grammar's one word class the text cannot show itself;
	// with the verbs of budgets and cuts (indicator_annual.go) and of public
	// works and social services (indicator_works.go).
	verbs = slices.Concat(coreVerbs, budgetVerbs, worksVerbs)
	// coreVerbs are the class's verbs of building, raising and reaching.
	coreVerbs = []string{"培养", "培育", "建成", "建设", "新建", "建立", "打造", "引进", "引育", "遴选", "选拔", "布局", "谋划", "举办",
		"开展", "组织", "实施", "新增", "增加", "增长", "增至", "达到", "达", "突破", "超过", "提高", "提升", "实现", "形成", "推动",
		"支持", "带动", "认定", "创建", "发布", "制定", "制修订", "完成", "招引", "集聚", "汇聚", "吸引", "覆盖", "接入", "开放", "改造",
		"部署", "保持", "选树", "安装", "联通", "面向", "打响", "新招", "培训", "招收", "录取", "救助", "帮扶", "回收", "处置", "治理", "监测", "检测", "检查", "控制", "降低", "下降", "减少", "压缩", "缩短", "安排", "投入", "设立", "配备", "组建", "注册", "培训", "接待",
		"促成", "解决", "服务", "孵化", "转化", "攻克", "研发", "推广", "推出", "上线", "扶持", "评选", "入选", "落地", "签约", "储备",
		"编制", "出台", "召开", "发展", "招募", "吸纳", "聘请", "举行", "推荐", "表彰", "资助", "稳定在", "维持在",
		"守住", "坚守", "严守", // (守住18亿亩耕地红线: a level held, as 保持; tune30; 严守…红线, tune32-P)
		"选送", "交付", // (选送1000场品质戏曲进社区, 交付保障性租赁住房15万套; tune32-P)
		"盘活", "出让", // (盘活闲置空间1700万平方米, 出让矿业权110宗: what is brought back to use, sold; tune30)
		// common actions of tasks beyond the above (the class no text shows)
		// what a government report cuts or raises (减税降费1万亿元, 发行国债)
		"减税", "降费", "减负", "让利", "发行", "减免",
		"惠及", "受益", "开设", "增设", "设置", "配置", "成立", "授予", "颁发", "出版", "创作", "编写", "编印", "制作", "播出", "展出",
		"巡展", "巡讲", "宣讲", "轮训", "承办", "主办", "参与", "参加", "走进", "搭建", "构建", "研制", "攻关", "获批", "争创", "创成",
		"选派", "选聘", "聘任", "招聘", "输送", "对接", "结对", "签订", "达成", "扩大", "拓展", "普及", "辐射", "发放", "登记", "吸收", "开发", "建", "引", "办", "征集", "遴", "认证", "挂牌",
		"布置", "树立", "命名", "打通", "归集", "汇聚", "共享", "开通", "提供", "供给", "赋能", "改建", "扩建", "升级", "带动", "拓展", "培植",
		"创办", "聚焦", "新开", "开辟", "纳入", "入库", "入驻", "集成", "达标", "建强", "做强", "做大", "壮大", "突破", "超", "逾",
		// what a plan of renewal replaces or retires (2026年更换老旧设备
		// 300台, 添置…500套, 淘汰…车辆200辆)
		"更新", "更换", "添置", "置换", "淘汰", "清退", "报废",
		// what an industry plan revises and brings to settle (修订20项标准, 落户30个项目)
		"修订", "落户",
		// what a plan of innovation counts as filed (申请发明专利500件)
		"申请"}
	// goalCues make a sentence a goal of the plan.
	goalCues = []string{"力争", "确保", "争取", "目标", "每年", "年均", "每两年", "到20", "年底前", "年前", "拟安排", "拟按"}
	// pastCues make a sentence a statement of where things stand.
	pastCues = []string{"已建成", "已有", "已经", "已累计", "已培育", "已形成", "截至目前", "现有", "目前", "先后", "去年", "上年", "以来", "年来", "共有", "当前", "现阶段", "经过多年", "过去",
		// an assessment of where things stand against others
		"仅为", "仅有", "差距明显", "差距较大", "存在差距", "据统计"}
	// paramCues name a policy's parameters: a subsidy, a reward, a rate.
	paramCues = []string{"给予", "奖补", "补助", "补贴", "资助", "贴息", "奖励", "最高", "按照", "按其", "比例"}
	// fillers are the words a target's metric is read without (metric),
	// wherever they stand.
	fillers = []string{"力争", "争取", "确保", "每年", "每两年", "年均", "累计", "至少", "不少于", "不低于", "不得超过", "不超过", "不高于", "原则上", "优于", "超过", "突破", "达到",
		"左右", "分别", "全市", "我市", "全省", "期间", "“十三五”", "“十四五”", "十三五", "十四五"}
	// endFillers are read without only at the metric's end, where they
	// stand before the number; inside a word they are its own (公共, 共享,
	// 规模以上, 省级以上, 存在, 发达, 达标, 约束, 附近).
	endFillers = []string{"达", "约", "近", "超", "以上", "以内", "以下", "共", "在", "末", "翻", "各", "普遍"}
)

// perWords give a target its period: 每年 near the start of a sentence
// governs all of it; elsewhere, its clause.
var perWords = []struct{ w, per string }{{"每两年", "two-years"}, {"每年", "year"}, {"年均", "year"}, {"年度", "year"}, {"年人均", "year"}}
