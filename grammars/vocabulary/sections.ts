// The free-text sections and the report's own words for its title, agency, dates and fees.

/** Section headings, found by keyword (SPEC D6), not by exact title. */
export const sectionKeywords = {
  overview: ['总体情况', '概述'],
  activeDisclosure: ['主动公开政府信息情况', '主动公开'],
  applications: ['收到和处理政府信息公开申请情况', '依申请公开'],
  review: ['行政复议', '行政诉讼'],
  problems: ['存在的主要问题', '存在问题', '主要问题及改进', '问题及改进'],
  other: ['其他需要报告的事项', '其他需要报告'],
} as const;

/** Where section 四's table ends: the headings of 五 and 六. */
export const closingKeywords = [...sectionKeywords.problems, ...sectionKeywords.other];

/** Words that end a title: 年度报告 and its variants. */
export const titleSuffixes = ['政府信息公开工作年度报告', '政府信息公开年度报告', '政务公开工作年度报告', '政府信息公开工作报告', '信息公开工作年度报告'];

/** Words before an agency name in an opening sentence (现公布朝阳市营商环境建设局2023年度…). */
export const agencyLeadIns = ['现予公布', '现将', '现公布', '特公布', '公布', '发布', '编制了', '编制', '特此'];

/** How an agency's name ends (政府, 办公厅, 委员会, 局 …): the subject of the overview's first sentence is one. */
export const agencySuffixes = ['人民政府', '政府', '办公厅', '办公室', '委员会', '管委会', '管理委员会', '实验区', '新区', '开发区', '局', '厅', '委', '办', '署', '院', '中心', '区', '县', '市', '州', '盟', '旗', '镇', '乡', '街道'];

/** Words that start the predicate after the subject of the overview's first sentence (2024年，X坚持…). */
export const predicateLeadIns = ['坚持', '认真', '深入', '全面', '严格', '按照', '围绕', '紧紧', '始终', '紧扣', '紧密', '着力', '积极', '持续', '不断', '进一步', '聚焦', '高度', '扎实', '切实', '以', '在', '把', '将', '对', '继续', '贯彻', '依法', '立足'];

/** Fields that give a publication date near the top (`发布日期：2020-01-31`). */
export const dateFieldNames = ['发布日期', '发布时间', '成文日期', '印发日期'];
/** Bare date fields a page prints beside the title (`来源：… 时间：2025-03-10`): read only there, as a word of their own. */
export const pageDateFields = ['时间', '日期'];

/** The 信息处理费 of section 六. */
export const processingFeeKeys = ['信息处理费'];
/** Phrases that say no fee was charged. */
export const noFeePhrases = ['无收取', '未收取', '没有收取', '不收取', '未发生', '无信息处理费'];

/** Lines a web page prints after the report (links, share buttons, footers): the report ends there. */
export const pageChrome = ['附件下载', '扫一扫', '相关链接', '打印本页', '关闭窗口', '分享到', '【打印】', '【关闭】', '上一篇', '下一篇', '网站地图', '版权所有', '主办单位', 'ICP备'];
