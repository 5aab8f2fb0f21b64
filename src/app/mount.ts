import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from '../App.vue'
import { i18n } from './i18n'
import { router } from './router'
import 'element-plus/theme-chalk/dark/css-vars.css'
import '../styles/theme.css'
import '../styles/a11y.css'
import '../styles/phone.css'
import '../styles/main.css'

// The data set's lookup (or download) was begun by the entry (main.ts), before this module loaded.
createApp(App).use(createPinia()).use(router).use(i18n).mount('#app')
