/** catch22 / catch24 feature names in output order (GUIDE §5; the order of the reference's outputs). */
export const CATCH22_NAMES = [
  'DN_OutlierInclude_n_001_mdrmd',
  'DN_OutlierInclude_p_001_mdrmd',
  'DN_HistogramMode_5',
  'DN_HistogramMode_10',
  'CO_Embed2_Dist_tau_d_expfit_meandiff',
  'CO_f1ecac',
  'CO_FirstMin_ac',
  'CO_HistogramAMI_even_2_5',
  'CO_trev_1_num',
  'FC_LocalSimple_mean1_tauresrat',
  'FC_LocalSimple_mean3_stderr',
  'IN_AutoMutualInfoStats_40_gaussian_fmmi',
  'MD_hrv_classic_pnn40',
  'SB_BinaryStats_diff_longstretch0',
  'SB_BinaryStats_mean_longstretch1',
  'SB_MotifThree_quantile_hh',
  'SC_FluctAnal_2_rsrangefit_50_1_logi_prop_r1',
  'SC_FluctAnal_2_dfa_50_1_2_logi_prop_r1',
  'SP_Summaries_welch_rect_area_5_1',
  'SP_Summaries_welch_rect_centroid',
  'SB_TransitionMatrix_3ac_sumdiagcov',
  'PD_PeriodicityWang_th0_01',
] as const;

/** catch24 = catch22 + mean and standard deviation of the raw series. */
export const CATCH24_NAMES = [...CATCH22_NAMES, 'DN_Mean', 'DN_Spread_Std'] as const;

export type Catch24Name = (typeof CATCH24_NAMES)[number];

/** Features whose value is an integer (a lag, a position or a run length): must match exactly. */
export const CATCH22_INTEGER_FEATURES: ReadonlySet<Catch24Name> = new Set<Catch24Name>([
  'CO_FirstMin_ac',
  'IN_AutoMutualInfoStats_40_gaussian_fmmi',
  'SB_BinaryStats_diff_longstretch0',
  'SB_BinaryStats_mean_longstretch1',
  'PD_PeriodicityWang_th0_01',
]);

/**
 * Features that are ratios of integers (positions, argmin indices, counts): exact as numbers, so
 * they must match to the printed precision of the reference (14 decimals).
 */
export const CATCH22_RATIO_FEATURES: ReadonlySet<Catch24Name> = new Set<Catch24Name>([
  'FC_LocalSimple_mean1_tauresrat',
  'MD_hrv_classic_pnn40',
  'SC_FluctAnal_2_rsrangefit_50_1_logi_prop_r1',
  'SC_FluctAnal_2_dfa_50_1_2_logi_prop_r1',
]);
