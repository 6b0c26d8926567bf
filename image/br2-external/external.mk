include $(sort $(wildcard $(BR2_EXTERNAL_DUALHOME_PATH)/package/*/*.mk))
