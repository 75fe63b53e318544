"""The promotion trips of 2023: where, when, what for, whom to see.

Row: region, start (MM-DD), end (MM-DD), title_zh, title_en, cities, industries, targets,
host unit. Leaders and delegations are assigned by tools/sample/trips.py.
"""

from __future__ import annotations

TripPlan = tuple[str, str, str, str, str, list[str], list[str], list[str], str]

TRIP_PLANS: list[TripPlan] = [
    # --- 港澳 HKMO
    ("HKMO", "02-08", "02-10", "赴香港开展“有空间、进莞来”招商推介活动",
     "Invest Dongguan promotion in Hong Kong", ["香港"], ["SMT", "FOOD"],
     ["香港中华总商会", "香港贸易发展局", "李锦记", "维他奶国际", "香港科技园公司"], "滨海湾新区"),
    ("HKMO", "04-18", "04-19", "赴澳门招商推介及商协会座谈", "Promotion and chamber meeting in Macau",
     ["澳门"], ["FOOD"], ["澳门中华总商会", "澳门贸易投资促进局", "钜记饼家"], "水乡功能区"),
    ("HKMO", "06-14", "06-16", "港澳预制菜与食品产业专题招商", "Prepared-meals roadshow in Hong Kong",
     ["香港"], ["FOOD"], ["美心集团", "大家乐集团", "李锦记", "香港中华厂商联合会"], "市农业农村局"),
    ("HKMO", "08-23", "08-25", "港澳科创与医疗器械招商", "Hong Kong & Macau tech and medtech promotion",
     ["香港", "澳门"], ["SOFT", "MED"], ["香港科技园公司", "香港总商会", "澳门贸易投资促进局"],
     "松山湖高新区"),
    ("HKMO", "10-11", "10-12", "香港产业资本与储能项目对接", "Hong Kong capital and energy-storage matching",
     ["香港"], ["STORAGE", "NEV"], ["香港中华总商会", "香港贸易发展局", "香港总商会"], "长安镇"),
    ("HKMO", "12-06", "12-08", "2024 招商推介预热（香港）", "2024 promotion warm-up in Hong Kong",
     ["香港"], ["SMT"], ["香港贸易发展局", "香港中华厂商联合会", "维他奶国际"], "虎门镇"),
    # --- 日韩 JPKR
    ("JPKR", "03-12", "03-18", "日韩半导体产业招商路演", "Japan–Korea semiconductor roadshow",
     ["东京", "首尔"], ["SEMI", "SMT"],
     ["东京电子", "瑞萨电子", "索尼集团", "三星电子", "SK海力士"], "松山湖高新区"),
    ("JPKR", "05-21", "05-26", "日本新能源汽车及零部件招商", "Japan new-energy vehicle and parts mission",
     ["名古屋", "东京"], ["NEV"], ["丰田汽车", "电装", "本田技研工业", "日产汽车"], "塘厦镇"),
    ("JPKR", "07-09", "07-13", "韩国储能与新能源汽车招商", "Korea energy storage and NEV mission",
     ["首尔", "釜山"], ["STORAGE", "NEV"],
     ["LG新能源", "三星SDI", "现代汽车", "起亚", "大韩商工会议所"], "谢岗镇"),
    ("JPKR", "09-10", "09-14", "日本医疗器械与智能机器人招商", "Japan medtech and robotics mission",
     ["大阪", "东京"], ["MED", "ROBOT"],
     ["希森美康", "奥林巴斯", "泰尔茂", "发那科", "川崎重工业", "日本机器人工业会"], "大朗镇"),
    ("JPKR", "11-19", "11-23", "韩国智能终端与食品产业招商", "Korea smart devices and food mission",
     ["首尔"], ["SMT", "FOOD"], ["三星电子", "LG电子", "CJ第一制糖", "大韩贸易投资振兴公社"], "凤岗镇"),
    ("JPKR", "12-10", "12-14", "日本预制菜及食品装备招商", "Japan prepared-meals mission",
     ["大阪", "东京"], ["FOOD"], ["日清食品", "味之素", "日本贸易振兴机构"], "麻涌镇"),
    # --- 欧美 EUUS
    ("EUUS", "03-23", "03-30", "德国新能源汽车与智能制造招商", "Germany NEV and smart manufacturing mission",
     ["法兰克福", "斯图加特", "慕尼黑"], ["NEV", "ROBOT"],
     ["德国机械设备制造业联合会", "大众汽车集团", "梅赛德斯-奔驰集团", "罗伯特·博世", "费斯托", "宝马集团"],
     "市工业和信息化局"),
    ("EUUS", "04-22", "04-29", "美国硅谷半导体与软件招商",
     "Silicon Valley semiconductor and software mission",
     ["圣何塞", "旧金山"], ["SEMI", "SOFT"],
     ["英特尔", "英伟达", "应用材料", "泛林集团", "国际半导体产业协会"], "松山湖高新区"),
    ("EUUS", "05-14", "05-20", "法国英国储能与食品产业招商", "France & UK storage and food mission",
     ["巴黎", "伦敦"], ["STORAGE", "FOOD"], ["施耐德电气", "达能", "雷诺集团", "英中贸易协会"], "市商务局"),
    ("EUUS", "06-18", "06-24", "荷兰德国半导体与医疗器械招商",
     "Netherlands & Germany chips and medtech mission",
     ["阿姆斯特丹", "慕尼黑"], ["SEMI", "MED"], ["阿斯麦", "飞利浦", "西门子医疗", "英飞凌科技"],
     "银瓶合作创新区"),
    ("EUUS", "07-02", "07-08", "英国生物医药与软件招商", "UK life sciences and software mission",
     ["伦敦", "巴黎"], ["MED", "SOFT"], ["英中贸易协会", "施耐德电气"], "市科学技术局"),
    ("EUUS", "09-17", "09-24", "美国汽车与医疗器械招商", "US automotive and medtech mission",
     ["底特律", "纽约", "波士顿"], ["NEV", "MED", "ROBOT"],
     ["通用汽车", "福特汽车", "强生医疗科技", "波士顿科学", "波士顿动力"], "常平镇"),
    ("EUUS", "10-15", "10-21", "荷兰意大利电动自行车与高端装备招商", "Netherlands & Italy e-bike mission",
     ["阿姆斯特丹", "米兰"], ["EBIKE", "ROBOT"], ["皇家格泽尔", "斯泰兰蒂斯"], "寮步镇"),
    ("EUUS", "11-26", "12-02", "德国储能与医疗器械招商", "Germany storage and medtech mission",
     ["法兰克福", "斯图加特"], ["STORAGE", "MED", "EBIKE"],
     ["费森尤斯", "贝朗医疗", "博世电动自行车系统", "罗伯特·博世"], "清溪镇"),
    # --- 京津冀 JJJ
    ("JJJ", "02-21", "02-23", "赴北京开展央企及总部经济招商", "Beijing SOE and headquarters promotion",
     ["北京"], ["SOFT", "SEMI"], ["统信软件", "金山办公", "中国软件与技术服务", "北方华创"], "市商务局"),
    ("JJJ", "04-05", "04-07", "京津国产基础软件生态招商", "Beijing–Tianjin basic software mission",
     ["北京", "天津"], ["SOFT"], ["人大金仓", "用友网络", "平凯星辰", "麒麟软件", "中国软件行业协会"],
     "松山湖高新区"),
    ("JJJ", "06-05", "06-07", "北京新能源汽车与智能终端招商", "Beijing NEV and smart devices mission",
     ["北京"], ["NEV", "SMT"], ["理想汽车", "北京汽车集团", "小米集团", "联想集团", "京东方科技集团"],
     "塘厦镇"),
    ("JJJ", "08-07", "08-09", "京津电动自行车产业招商", "Beijing–Tianjin e-bike mission",
     ["天津", "北京"], ["EBIKE"], ["爱玛科技", "小牛电动", "九号公司", "中国自行车协会"], "石龙镇"),
    ("JJJ", "10-23", "10-25", "京冀医疗器械与半导体招商", "Beijing–Hebei medtech and chips mission",
     ["北京", "石家庄"], ["MED", "SEMI"], ["乐普医疗", "中国医疗器械行业协会", "中国半导体行业协会"],
     "大朗镇"),
    ("JJJ", "12-18", "12-20", "北京总部企业岁末招商", "Year-end headquarters promotion in Beijing",
     ["北京"], ["SOFT", "NEV"], ["统信软件", "金山办公", "中国汽车工业协会"], "市工业和信息化局"),
    # --- 长三角 YRD
    ("YRD", "03-01", "03-03", "长三角半导体产业招商", "Yangtze Delta semiconductor mission",
     ["上海", "苏州"], ["SEMI"], ["中芯国际", "华虹集团", "中微半导体设备", "韦尔半导体"], "松山湖高新区"),
    ("YRD", "04-17", "04-20", "合肥南京新能源汽车与储能招商", "Hefei–Nanjing NEV and storage mission",
     ["合肥", "南京"], ["NEV", "STORAGE"], ["蔚来汽车", "国轩高科", "阳光电源", "长鑫存储", "鱼跃医疗"],
     "滨海湾新区"),
    ("YRD", "05-29", "05-31", "上海高端医疗器械招商", "Shanghai medtech mission",
     ["上海"], ["MED"], ["联影医疗", "微创医疗", "远景科技集团"], "市科学技术局"),
    ("YRD", "07-17", "07-20", "杭沪基础软件与电动自行车招商", "Hangzhou–Shanghai software and e-bike mission",
     ["杭州", "上海"], ["SOFT", "EBIKE"], ["阿里云", "奥星贝斯", "哈啰出行", "上海汽车集团"],
     "东莞实业投资控股集团"),
    ("YRD", "08-28", "08-31", "苏宁预制菜与智能机器人招商",
     "Suzhou–Nanjing prepared meals and robots mission",
     ["苏州", "南京"], ["FOOD", "ROBOT"], ["味知香", "八方电气", "雅迪集团", "埃斯顿自动化"], "常平镇"),
    ("YRD", "09-25", "09-27", "上海储能与半导体招商", "Shanghai storage and semiconductor mission",
     ["上海"], ["STORAGE", "SEMI"], ["远景科技集团", "紫光展锐", "中芯国际"], "东莞金控集团"),
    ("YRD", "11-13", "11-16", "沪合新能源汽车招商", "Shanghai–Hefei NEV mission",
     ["上海", "合肥"], ["NEV", "STORAGE"], ["上海汽车集团", "蔚来汽车", "国轩高科"], "谢岗镇"),
]

CANCELLED: dict[str, str] = {
    "英国生物医药与软件招商": "主要拜访企业高层行程调整、签证办理时间不足，经市领导同意取消，"
    "相关对接改由驻外机构线上推进。",
}
# The reporter booked on two overlapping trips (a deliberate conflict of the sample).
DOUBLE_BOOKED_MEDIA = ("赴澳门招商推介及商协会座谈", "合肥南京新能源汽车与储能招商")
