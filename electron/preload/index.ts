// Runtime: Electron preload (sandboxed, isolated context). Exposes exactly the typed contract,
// `AttacheApi`, to the page as `window.attache`; the page never sees `ipcRenderer` itself.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { API_GLOBAL, INVOKE_CHANNELS, MENU_COMMAND_CHANNEL, type AttacheApi, type InvokeChannel, type InvokeContract, type MenuCommand } from '../contract/api';

function invoke<Channel extends InvokeChannel>(channel: Channel, ...args: InvokeContract[Channel]['args']): Promise<InvokeContract[Channel]['result']> {
  return ipcRenderer.invoke(channel, ...args) as Promise<InvokeContract[Channel]['result']>;
}

const api: AttacheApi = {
  getAppInfo: () => invoke(INVOKE_CHANNELS.getAppInfo),
  getSystemLocale: () => invoke(INVOKE_CHANNELS.getSystemLocale),
  openFile: (request) => invoke(INVOKE_CHANNELS.openFile, request),
  saveFile: (request) => invoke(INVOKE_CHANNELS.saveFile, request),
  openFiles: (request) => invoke(INVOKE_CHANNELS.openFiles, request),
  getDeviceKey: (request) => invoke(INVOKE_CHANNELS.getDeviceKey, request),
  signWithDeviceKey: (request) => invoke(INVOKE_CHANNELS.signWithDeviceKey, request),
  printToPdf: (request) => invoke(INVOKE_CHANNELS.printToPdf, request),
  getLrsConnection: () => invoke(INVOKE_CHANNELS.getLrsConnection),
  setLrsConnection: (input) => invoke(INVOKE_CHANNELS.setLrsConnection, input),
  testLrsConnection: (input) => invoke(INVOKE_CHANNELS.testLrsConnection, input),
  postStatements: (request) => invoke(INVOKE_CHANNELS.postStatements, request),
  getAcademyKey: () => invoke(INVOKE_CHANNELS.getAcademyKey),
  createAcademyKey: (request) => invoke(INVOKE_CHANNELS.createAcademyKey, request),
  exportAcademyKey: () => invoke(INVOKE_CHANNELS.exportAcademyKey),
  importAcademyKey: (request) => invoke(INVOKE_CHANNELS.importAcademyKey, request),
  rewrapAcademyKey: (request) => invoke(INVOKE_CHANNELS.rewrapAcademyKey, request),
  setAcademyDomain: (request) => invoke(INVOKE_CHANNELS.setAcademyDomain, request),
  signBadge: (request) => invoke(INVOKE_CHANNELS.signBadge, request),
  setMenuState: (state) => invoke(INVOKE_CHANNELS.setMenuState, state),
  openStudioFolder: (request) => invoke(INVOKE_CHANNELS.openStudioFolder, request),
  saveStudioFolder: (request) => invoke(INVOKE_CHANNELS.saveStudioFolder, request),
  onMenuCommand: (listener) => {
    // The IPC event carries `sender` (the ipcRenderer): only the command goes to the page.
    const forward = (_event: IpcRendererEvent, command: MenuCommand) => listener(command);
    ipcRenderer.on(MENU_COMMAND_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(MENU_COMMAND_CHANNEL, forward);
    };
  },
};

contextBridge.exposeInMainWorld(API_GLOBAL, api);
